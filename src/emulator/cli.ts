import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorInfo } from './index';

/** `npm run emulator -- [--api-port N] [--smtp-port N] [--smtps-port N] [--dns-port N] [--seed FILE|large] [--host H] [--json]` */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'api-port': { type: 'string', default: '4590' },
      'smtp-port': { type: 'string', default: '2587' },
      'smtps-port': { type: 'string', default: '2465' },
      // DNS for the emulator's zone, on a free UDP port unless given: point `ses.dns.servers` at it.
      'dns-port': { type: 'string', default: '0' },
      seed: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--${name} must be a port number, got "${value}"`);
    return n;
  };
  const emulator = await startEmulator({
    host: values.host,
    apiPort: port('api-port', values['api-port']),
    smtpPort: port('smtp-port', values['smtp-port']),
    smtpsPort: port('smtps-port', values['smtps-port']),
    dnsPort: port('dns-port', values['dns-port']),
    seed: values.seed,
    dataDir: values['data-dir'],
  });
  process.stdout.write(values.json ? `${JSON.stringify(emulator.info)}\n` : describe(emulator.info));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function describe(info: EmulatorInfo): string {
  const lines = [
    'SES emulator running',
    `  API endpoint:      ${info.apiEndpoint}`,
    `  Mailbox:           ${info.mailboxUrl}`,
    `  SMTP (STARTTLS):   ${info.smtpHost}:${info.smtpPort}`,
    `  SMTP (TLS):        ${info.smtpHost}:${info.smtpsPort}`,
    ...(info.dnsServer ? [`  DNS (its zone):    ${info.dnsServer} (UDP; for ses.dns.servers)`] : []),
    `  CA certificate:    ${info.caFile}`,
    `  Access key id:     ${info.accessKeyId}`,
    `  Secret access key: ${info.secretAccessKey}`,
    `  SMTP username:     ${info.smtpUsername}`,
    ...Object.entries(info.smtpPasswords).map(([region, password]) => `  SMTP password ${region}: ${password}`),
    `  Regions:           ${info.regions.join(', ')}`,
    'Press Ctrl+C to stop.',
  ];
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  // Another emulator (an `npm start`, say) holds the usual ports: say how to run a second one.
  const hint = inUse ? ' (another emulator or `npm start` may be running; pass --api-port 0 --smtp-port 0 --smtps-port 0 for free ports)' : '';
  process.stderr.write(`ses emulator: ${(error as Error).message}${hint}\n`);
  process.exit(1);
});
