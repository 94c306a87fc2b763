import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SMTPServer } from 'smtp-server';
import { deriveSmtpPassword } from '../smtp-password/derive';
import { createApiServer } from './api/server';
import { ShiftableClock, systemClock, type Clock } from './clock';
import { applyControl, type ControlRequest, type ControlResult } from './control';
import { startDnsServer } from './dns-server';
import type { StoredMessage } from './mailbox';
import { loadSeed, type Seed } from './seed';
import { armConnectionDrops, createSmtpServer } from './smtp';
import { EmulatorState } from './state';
import { createSmtpCertificates } from './tls';

export { manualClock, type Clock, type ManualClock } from './clock';
export type { ControlRequest, ControlResult } from './control';
export type { StoredMessage } from './mailbox';
export type { Seed } from './seed';

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (default) picks a free port. */
  apiPort?: number;
  /** STARTTLS port, default 2587; 0 picks a free port. */
  smtpPort?: number;
  /** Implicit-TLS port, default 2465; 0 picks a free port. */
  smtpsPort?: number;
  /** A seed object, a path to a seed JSON file, or "large"; default the sample seed. */
  seed?: Seed | string;
  /** Default the system clock. The control endpoint can still move time forward on top of it. */
  clock?: Clock;
  /** Where ca.pem goes; default a new temporary folder, removed on close. */
  dataDir?: string;
  /** More SMTP listeners, e.g. SES's own 587, 25 and 465, so a client can be tried on every port SES offers. */
  extraSmtpPorts?: { port: number; tls: 'starttls' | 'implicit' }[];
  /** Serve the emulator's DNS zone over UDP on this port (0 picks a free one); no DNS server when undefined. */
  dnsPort?: number;
}

export interface EmulatorInfo {
  apiEndpoint: string;
  mailboxUrl: string;
  smtpHost: string;
  smtpPort: number;
  smtpsPort: number;
  caFile: string;
  accessKeyId: string;
  secretAccessKey: string;
  smtpUsername: string;
  smtpPasswords: Record<string, string>;
  regions: string[];
  /** The extra listeners actually bound (port 0 resolved). */
  extraSmtpPorts?: { port: number; tls: 'starttls' | 'implicit' }[];
  /** `host:port` of the DNS server for the emulator's zone, when one was asked for (for `ses.dns.servers`). */
  dnsServer?: string;
}

export interface RunningEmulator {
  info: EmulatorInfo;
  /** PEM of the CA that signed the SMTP certificate (same as the content of info.caFile). */
  caPem: string;
  /** The same requests as POST /_emulator/control. */
  control(request: ControlRequest): ControlResult;
  messages(): StoredMessage[];
  /** Emulator time in epoch ms (injected clock plus any advanceClock). */
  now(): number;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const seed = await loadSeed(options.seed);
  const clock = new ShiftableClock(options.clock ?? systemClock);
  const state = new EmulatorState(seed, clock);
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ses-emulator-')));
  const certificates = await createSmtpCertificates(dataDir, new Date());

  let apiEndpoint = '';
  const api = createApiServer({ state, clock, baseUrl: () => apiEndpoint });
  const starttls = createSmtpServer({ state, certificates, implicitTls: false });
  const implicit = createSmtpServer({ state, certificates, implicitTls: true });
  armConnectionDrops(starttls, state);
  armConnectionDrops(implicit, state);

  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne().catch(() => undefined);
    closers.length = 0;
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const apiPort = await listenHttp(api, host, options.apiPort ?? 0);
    closers.push(() => closeHttp(api));
    apiEndpoint = `http://${host.includes(':') ? `[${host}]` : host}:${apiPort}`;
    const smtpPort = await listenSmtp(starttls, host, options.smtpPort ?? 2587);
    closers.push(() => closeSmtp(starttls));
    const smtpsPort = await listenSmtp(implicit, host, options.smtpsPort ?? 2465);
    closers.push(() => closeSmtp(implicit));
    const extraSmtpPorts: { port: number; tls: 'starttls' | 'implicit' }[] = [];
    for (const extra of options.extraSmtpPorts ?? []) {
      const server = createSmtpServer({ state, certificates, implicitTls: extra.tls === 'implicit' });
      armConnectionDrops(server, state);
      const port = await listenSmtp(server, host, extra.port);
      closers.push(() => closeSmtp(server));
      extraSmtpPorts.push({ port, tls: extra.tls });
    }

    let dnsServer: string | undefined;
    if (options.dnsPort !== undefined) {
      const dns = await startDnsServer(state.dns, host, options.dnsPort);
      closers.push(() => dns.close());
      dnsServer = dns.address;
    }

    const credential = state.primaryCredential();
    const info: EmulatorInfo = {
      apiEndpoint,
      mailboxUrl: `${apiEndpoint}/_emulator/mailbox`,
      smtpHost: host,
      smtpPort,
      smtpsPort,
      caFile: certificates.caFile,
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      smtpUsername: credential.accessKeyId,
      smtpPasswords: Object.fromEntries(state.seededRegions.map((r) => [r, deriveSmtpPassword(credential.secretAccessKey, r)])),
      regions: [...state.seededRegions],
      ...(extraSmtpPorts.length ? { extraSmtpPorts } : {}),
      ...(dnsServer ? { dnsServer } : {}),
    };
    return {
      info,
      caPem: certificates.caPem,
      control: (request) => applyControl(state, clock, request),
      messages: () => state.mailbox.list(),
      now: () => clock.now(),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function listenHttp(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeHttp(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function listenSmtp(server: SMTPServer, host: string, port: number): Promise<number> {
  const inner = (server as unknown as { server: Server }).server;
  return new Promise((resolve, reject) => {
    inner.once('error', reject);
    server.listen(port, host, () => {
      inner.off('error', reject);
      resolve((inner.address() as AddressInfo).port);
    });
  });
}

function closeSmtp(server: SMTPServer): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
