/**
 * `npm run bench`: how the extension's identity listing performs against the emulator's large seed
 * (10,000 identities in us-east-1, SES's per-region maximum). Prints time and API calls per 10,000 identities.
 */
import { readFileSync } from 'node:fs';
import { diagnose } from '../src/diagnosis';
import { startEmulator } from '../src/emulator';
import { preflight } from '../src/preflight';
import type { IdentityState } from '../src/rules/identities';
import { SesApi } from '../src/ses/client';

const RUNS = 5;

async function main(): Promise<void> {
  const emulator = await startEmulator({ seed: 'large', apiPort: 0, smtpPort: 0, smtpsPort: 0 });
  try {
    // The extension resolves credentials through the default chain; the environment is the first link.
    process.env.AWS_ACCESS_KEY_ID = emulator.info.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = emulator.info.secretAccessKey;
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    const api = new SesApi({ profile: '', endpoint: emulator.info.apiEndpoint });

    const timings: number[] = [];
    let calls = 0;
    let identities = 0;
    await api.listIdentities('us-east-1'); // warm-up: credential resolution, connection, JIT
    for (let run = 0; run < RUNS; run++) {
      calls = 0;
      const started = process.hrtime.bigint();
      const listed = await api.listIdentities('us-east-1', () => calls++);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
      identities = listed.length;
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)];
    const per10k = 10_000 / identities;
    console.log(`ListEmailIdentities over the large seed: ${identities} identities in us-east-1`);
    console.log(`  calls: ${calls} (${(calls * per10k).toFixed(1)} per 10,000 identities)`);
    console.log(`  time:  ${median.toFixed(1)} ms median of ${RUNS} runs (${(median * per10k).toFixed(1)} ms per 10,000 identities; min ${timings[0].toFixed(1)}, max ${timings[timings.length - 1].toFixed(1)})`);
    const listed = await api.listIdentities('us-east-1');
    benchPreflight(listed);
    benchDiagnosis();
  } finally {
    await emulator.close();
  }
}

/** Median microseconds per call of `fn`, over `n` calls after a warm-up. */
function perCall(n: number, fn: (i: number) => void): { median: number; p99: number } {
  for (let i = 0; i < Math.min(n, 50); i++) fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - started) / 1e3);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(n / 2)], p99: samples[Math.floor(n * 0.99)] };
}

/** The pre-flight runs on every keystroke in the panel: it must stay far below a frame (16 ms). */
function benchPreflight(identities: IdentityState[]): void {
  const account = { productionAccess: false, sendingEnabled: true, enforcementStatus: 'HEALTHY', max24HourSend: 200, sentLast24Hours: 37, maxSendRate: 1 };
  const { median, p99 } = perCall(500, (i) =>
    preflight(
      { region: 'us-east-1', from: 'sender@example.com', to: `someone${i}@example.net, Team <team@example.org>`, transport: 'smtp', port: 587, tls: 'starttls', smtpHost: 'email-smtp.us-east-1.amazonaws.com' },
      { identities, account, configurationSets: [], hasSmtpCredentials: true },
    ),
  );
  console.log(`Pre-flight of one draft against ${identities.length} identities: ${median.toFixed(0)} µs median, ${p99.toFixed(0)} µs p99 (500 drafts)`);
}

/** The diagnosis engine over the whole failure corpus. */
function benchDiagnosis(): void {
  const corpus = JSON.parse(readFileSync('test/corpus/failures.json', 'utf8')) as { text: string }[] | { cases: { text: string }[] };
  const texts = (Array.isArray(corpus) ? corpus : corpus.cases).map((c) => c.text);
  const { median, p99 } = perCall(texts.length * 10, (i) => diagnose(texts[i % texts.length]));
  console.log(`Diagnosis of one failure text (${texts.length}-text corpus): ${median.toFixed(0)} µs median, ${p99.toFixed(0)} µs p99`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
