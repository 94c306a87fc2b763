import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import { SES_REGIONS, smtpHostForRegion } from './regions';

export interface SmtpCertificates {
  caFile: string;
  caPem: string;
  key: string;
  cert: string;
}

/**
 * A private CA and a server certificate it signs, valid for localhost, 127.0.0.1 and every SES SMTP host name,
 * so a client can verify the emulator exactly as it verifies SES, trusting only `ca.pem`. EC keys: fast to make.
 */
export async function createSmtpCertificates(dataDir: string, now: Date): Promise<SmtpCertificates> {
  const notBeforeDate = new Date(now.getTime() - 24 * 3600_000);
  const notAfterDate = new Date(now.getTime() + 365 * 24 * 3600_000);
  const ca = await generate([{ name: 'commonName', value: 'SES Workbench Emulator CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          ...SES_REGIONS.map((region) => ({ type: 2 as const, value: smtpHostForRegion(region) })),
        ],
      },
    ],
  });
  const caFile = path.join(dataDir, 'ca.pem');
  await writeFile(caFile, ca.cert);
  return { caFile, caPem: ca.cert, key: server.private, cert: server.cert };
}
