/**
 * `npm run bench`: how the extension's identity listing performs against the emulator's large seed
 * (10,000 identities in us-east-1, SES's per-region maximum). Prints time and API calls per 10,000 identities.
 */
import { startEmulator } from '../src/emulator';
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
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
