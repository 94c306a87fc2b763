// Entry point VS Code loads as `extensionTestsPath`: runs mocha over the bundled host tests (out/test/host/**/*.test.js)
// inside the real extension host, with the real `vscode` API. The runner (scripts/test-host.mjs) gets the exit code
// through the workbench and the counts through the file named by SES_TEST_COUNTS_FILE.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

/** The runner shows the workbench's console output from this line on (before it, errors only). */
const START_MARKER = '[ses-host-tests] start:';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 30_000 });
  mocha.ui('bdd'); // each call adds an interface: tests may use describe/it/before or suite/test/suiteSetup
  if (process.env.SES_TEST_GREP) mocha.grep(process.env.SES_TEST_GREP);
  const files = findTests(__dirname);
  for (const file of files) mocha.addFile(file);

  const counts = { passed: 0, failed: 0, pending: 0, files: files.length, finished: false };
  const countsFile = process.env.SES_TEST_COUNTS_FILE;
  const writeCounts = (): void => {
    if (countsFile) fs.writeFileSync(countsFile, JSON.stringify(counts));
  };
  writeCounts(); // a run that dies before the end still leaves a record that it started
  console.log(`${START_MARKER} ${files.length} file(s)`);

  await new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run(() => {
        counts.finished = true;
        writeCounts();
        console.log(`host tests: passed ${counts.passed}, failed ${counts.failed}, pending ${counts.pending}`);
        if (counts.failed > 0) reject(new Error(`${counts.failed} host test(s) failed`));
        else if (files.length === 0) reject(new Error('no host tests found'));
        else resolve();
      });
      runner.on('pass', () => { counts.passed++; });
      runner.on('fail', () => { counts.failed++; });
      runner.on('pending', () => { counts.pending++; });
    } catch (error) {
      counts.failed++;
      writeCounts();
      reject(error);
    }
  });
}
