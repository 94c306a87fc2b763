/**
 * SES and credential failures mapped to a few kinds the UI can act on. The raw error stays attached for the
 * diagnosis engine; `message` is safe to show (the SDK never puts secrets in it).
 */
export type SesFailureKind =
  | 'no-credentials'
  | 'sso-expired'
  | 'credentials-expired'
  | 'credentials-invalid'
  | 'access-denied'
  | 'throttled'
  | 'not-found'
  | 'already-exists'
  | 'bad-request'
  /** One of our own settings cannot work (ses.endpoint, ses.regions): nothing was asked of SES. */
  | 'bad-setting'
  | 'message-rejected'
  | 'sending-paused'
  | 'network'
  | 'service';

export class SesError extends Error {
  constructor(
    readonly kind: SesFailureKind,
    message: string,
    readonly region: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SesError';
  }
}

const byName: Record<string, SesFailureKind> = {
  CredentialsProviderError: 'no-credentials',
  ExpiredTokenException: 'credentials-expired',
  ExpiredToken: 'credentials-expired',
  TokenRefreshRequired: 'sso-expired',
  UnrecognizedClientException: 'credentials-invalid',
  InvalidClientTokenId: 'credentials-invalid',
  SignatureDoesNotMatch: 'credentials-invalid',
  InvalidSignatureException: 'credentials-invalid',
  AccessDeniedException: 'access-denied',
  TooManyRequestsException: 'throttled',
  LimitExceededException: 'throttled',
  NotFoundException: 'not-found',
  AlreadyExistsException: 'already-exists',
  BadRequestException: 'bad-request',
  MessageRejected: 'message-rejected',
  SendingPausedException: 'sending-paused',
  AccountSuspendedException: 'sending-paused',
};

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function toSesError(err: unknown, region: string, profile?: string): SesError {
  if (err instanceof SesError) return err;
  const e = (err ?? {}) as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const message = String(e.message ?? err);
  if (/sso.*(expired|refresh)|token.*(expired|invalid).*sso|sso session/i.test(message)) {
    const who = profile ? ` --profile ${profile}` : '';
    return new SesError('sso-expired', `The SSO session has expired. Run \`aws sso login${who}\`, then refresh.`, region, err);
  }
  const kind = byName[e.name ?? ''] ?? (e.code && networkCodes.has(e.code) ? 'network' : undefined);
  if (kind === 'no-credentials') {
    return new SesError(kind, profile ? `No credentials found for profile "${profile}": ${message}` : `No AWS credentials found: ${message}`, region, err);
  }
  if (kind === 'credentials-expired') {
    const how = profile ? `Renew the session credentials of profile "${profile}" (\`aws sso login --profile ${profile}\` for an SSO profile, or fetch new temporary keys), then refresh.` : 'Renew the temporary credentials (a new session token), then refresh.';
    return new SesError(kind, `The security token has expired. ${how}`, region, err);
  }
  if (kind) return new SesError(kind, message, region, err);
  if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket hang up|getaddrinfo/i.test(message)) {
    return new SesError('network', message, region, err);
  }
  return new SesError('service', message, region, err);
}
