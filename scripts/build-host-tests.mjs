#!/usr/bin/env node
// Bundles the extension-host tests: test/host/index.ts and every test/host/**/*.test.ts become
// out/test/host/<pid>/**/*.js (Node, CommonJS; `vscode` and `mocha` stay external: the extension host provides the
// first, node_modules the second). Each test file is its own bundle, so mocha attributes failures to files.
// The folder is private to the building process, so runs at the same time in one checkout never rebuild under
// each other; folders of processes that are gone are removed.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './emulator.mjs';

const OUT_BASE = path.join(ROOT, 'out', 'test', 'host');
export const HOST_TESTS_OUT = path.join(OUT_BASE, String(process.pid));

function pruneStale() {
  for (const entry of fs.existsSync(OUT_BASE) ? fs.readdirSync(OUT_BASE) : []) {
    const full = path.join(OUT_BASE, entry);
    if (!/^\d+$/.test(entry)) {
      fs.rmSync(full, { recursive: true, force: true }); // an older layout
      continue;
    }
    try {
      process.kill(Number(entry), 0);
    } catch {
      fs.rmSync(full, { recursive: true, force: true });
    }
  }
}

/** Removes this process's bundles. */
export function cleanHostTests() {
  fs.rmSync(HOST_TESTS_OUT, { recursive: true, force: true });
}

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

export async function buildHostTests() {
  const src = path.join(ROOT, 'test', 'host');
  pruneStale();
  const entryPoints = [path.join(src, 'index.ts'), ...testFiles(src)];
  await esbuild.build({
    entryPoints,
    outbase: src,
    outdir: HOST_TESTS_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return { dir: HOST_TESTS_OUT, index: path.join(HOST_TESTS_OUT, 'index.js'), tests: entryPoints.length - 1 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { tests } = await buildHostTests();
  console.log(`[ses] built ${tests} host test file(s) into ${path.relative(ROOT, HOST_TESTS_OUT)}`);
}
