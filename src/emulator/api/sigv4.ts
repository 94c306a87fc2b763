import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, SourceData } from '@smithy/types';
import type { EmulatorState } from '../state';
import { SesApiError } from './errors';

/** What a verified request tells us: who signed it and for which region. */
export interface CallerIdentity {
  accessKeyId: string;
  region: string;
}

export interface IncomingSignedRequest {
  method: string;
  /** Raw path as sent (still percent-encoded) and the query string. */
  rawUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;

// Error names and messages as SES (like other AWS JSON services) sends them for authentication failures.
const missingToken = () => new SesApiError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
const unrecognizedClient = () => new SesApiError(403, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
const expiredToken = () => new SesApiError(403, 'ExpiredTokenException', 'The security token included in the request is expired');
const badSignature = () =>
  new SesApiError(
    403,
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );

/**
 * Verifies a SigV4 request by recomputing its signature with the secret the emulator holds for the access key.
 * The region of the call is the one in the credential scope. Clock skew is not checked: the emulator's clock may
 * be moved days ahead by tests while the SDK signs with real time.
 */
export async function authenticate(state: EmulatorState, request: IncomingSignedRequest): Promise<CallerIdentity> {
  const header = single(request.headers['authorization']);
  if (!header) throw missingToken();
  const match = AUTHORIZATION.exec(header);
  if (!match) throw new SesApiError(400, 'IncompleteSignatureException', `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.`);
  const [, accessKeyId, , region, service, signedHeaderList, signature] = match;
  const credential = state.credentials.get(accessKeyId);
  if (!credential) throw unrecognizedClient();
  const sessionToken = single(request.headers['x-amz-security-token']);
  if (credential.sessionToken) {
    if (sessionToken !== credential.sessionToken) throw unrecognizedClient();
    if (credential.expiresAt && Date.parse(credential.expiresAt) <= state.now()) throw expiredToken();
  } else if (sessionToken) {
    throw unrecognizedClient();
  }
  const amzDate = single(request.headers['x-amz-date']);
  const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!signingDate) throw badSignature();

  const url = new URL(request.rawUrl, 'http://emulator');
  const signedNames = signedHeaderList.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    const value = request.headers[name];
    if (value === undefined) throw badSignature();
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: credential.secretAccessKey, sessionToken: credential.sessionToken },
    region,
    service,
    sha256: NodeSha256,
  });
  const signed = await signer.sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: url.hostname,
      path: rawPath(request.rawUrl),
      query,
      headers,
      body: request.body.length > 0 ? request.body : undefined,
    },
    { signingDate, signableHeaders: new Set(signedNames) },
  );
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) throw badSignature();
  return { accessKeyId, region };
}

function rawPath(rawUrl: string): string {
  const q = rawUrl.indexOf('?');
  return q < 0 ? rawUrl : rawUrl.slice(0, q);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function parseAmzDate(value: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : undefined;
}

/** The signer's hash interface over node:crypto (the SDK's own implementation is not a dependency of ours). */
export class NodeSha256 implements Checksum {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  update(data: Uint8Array | string): void {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
