import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as nodemailer from 'nodemailer';
import { deriveSmtpPassword } from '../../../src/smtp-password/derive';
import { manualClock, startEmulator, type ManualClock, type RunningEmulator, type Seed } from '../../../src/emulator';

export interface Harness {
  emulator: RunningEmulator;
  clock: ManualClock;
  ses(region?: string, overrides?: Partial<ConstructorParameters<typeof SESv2Client>[0]>): SESv2Client;
  /** A nodemailer transport speaking to the emulator as it would to `email-smtp.<region>.amazonaws.com`. */
  smtp(options?: { region?: string; password?: string; user?: string; implicitTls?: boolean; servername?: string }): nodemailer.Transporter;
}

/** Starts an emulator on free ports with a clock the test moves by hand. */
export async function startHarness(seed?: Seed | string): Promise<Harness> {
  const clock = manualClock();
  const emulator = await startEmulator({ apiPort: 0, smtpPort: 0, smtpsPort: 0, seed, clock });
  const { info } = emulator;
  return {
    emulator,
    clock,
    ses: (region = 'us-east-1', overrides = {}) =>
      new SESv2Client({
        region,
        endpoint: info.apiEndpoint,
        credentials: { accessKeyId: info.accessKeyId, secretAccessKey: info.secretAccessKey },
        maxAttempts: 1,
        ...overrides,
      }),
    smtp: (options = {}) => {
      const region = options.region ?? 'us-east-1';
      const implicitTls = options.implicitTls ?? false;
      return nodemailer.createTransport({
        host: info.smtpHost,
        port: implicitTls ? info.smtpsPort : info.smtpPort,
        secure: implicitTls,
        requireTLS: !implicitTls,
        auth: { user: options.user ?? info.smtpUsername, pass: options.password ?? deriveSmtpPassword(info.secretAccessKey, region) },
        tls: { ca: emulator.caPem, servername: options.servername ?? `email-smtp.${region}.amazonaws.com` },
      });
    },
  };
}

/** The SDK error's name and message, for assertions. */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number; code?: string; responseCode?: number; response?: string; command?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number }; code?: string; responseCode?: number; response?: string; command?: string };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode, code: e.code, responseCode: e.responseCode, response: e.response, command: e.command };
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
