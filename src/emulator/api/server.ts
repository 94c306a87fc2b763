import { randomBytes, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { ShiftableClock } from '../clock';
import { applyControl, ControlError, type ControlRequest } from '../control';
import { openVerificationLink } from '../identities';
import { escapeHtml, expiredPage, mailboxPage, pageCsp, unknownLinkPage, verifiedPage } from '../pages';
import { MAX_MESSAGE_BYTES } from '../send-rules';
import type { EmulatorState } from '../state';
import { SesApiError } from './errors';
import * as ops from './operations';
import { authenticate } from './sigv4';

interface Route {
  method: string;
  pattern: RegExp;
  name: string;
  operation: ops.Operation;
}

/** SES API v2 routes as the SDK calls them (see SES-FACTS); path parameters are percent-decoded. */
const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/v2\/email\/account$/, name: 'GetAccount', operation: ops.getAccount },
  { method: 'POST', pattern: /^\/v2\/email\/account\/details$/, name: 'PutAccountDetails', operation: ops.putAccountDetails },
  { method: 'PUT', pattern: /^\/v2\/email\/account\/sending$/, name: 'PutAccountSendingAttributes', operation: ops.putAccountSendingAttributes },
  { method: 'POST', pattern: /^\/v2\/email\/list-identities$/, name: 'ListEmailIdentities', operation: ops.listEmailIdentities },
  { method: 'GET', pattern: /^\/v2\/email\/identities$/, name: 'ListEmailIdentities', operation: ops.listEmailIdentities },
  { method: 'POST', pattern: /^\/v2\/email\/identities$/, name: 'CreateEmailIdentity', operation: ops.createEmailIdentity },
  { method: 'GET', pattern: /^\/v2\/email\/identities\/([^/]+)$/, name: 'GetEmailIdentity', operation: ops.getEmailIdentity },
  { method: 'DELETE', pattern: /^\/v2\/email\/identities\/([^/]+)$/, name: 'DeleteEmailIdentity', operation: ops.deleteEmailIdentity },
  { method: 'PUT', pattern: /^\/v2\/email\/identities\/([^/]+)\/mail-from$/, name: 'PutEmailIdentityMailFromAttributes', operation: ops.putEmailIdentityMailFromAttributes },
  { method: 'POST', pattern: /^\/v2\/email\/outbound-emails$/, name: 'SendEmail', operation: ops.sendEmail },
  { method: 'POST', pattern: /^\/v2\/email\/list-configuration-sets$/, name: 'ListConfigurationSets', operation: ops.listConfigurationSets },
  { method: 'GET', pattern: /^\/v2\/email\/configuration-sets$/, name: 'ListConfigurationSets', operation: ops.listConfigurationSets },
  { method: 'POST', pattern: /^\/v2\/email\/configuration-sets$/, name: 'CreateConfigurationSet', operation: ops.createConfigurationSet },
];

/**
 * Twice a base64-encoded 40 MB message: room for a message somewhat over the limit to reach the size rule (and get
 * SES's MessageRejected); anything larger is refused before parsing.
 */
const MAX_BODY_BYTES = Math.ceil((MAX_MESSAGE_BYTES * 4) / 3) * 2;

export interface ApiServerOptions {
  state: EmulatorState;
  clock: ShiftableClock;
  /** Public base URL, known once listening; used for verification links. */
  baseUrl: () => string;
}

export function createApiServer(options: ApiServerOptions): http.Server {
  return http.createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, new SesApiError(500, 'InternalFailure', `Internal emulator error: ${(error as Error).message}`));
      else res.destroy();
    });
  });
}

async function handle(options: ApiServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const rawUrl = req.url ?? '/';
  const url = new URL(rawUrl, 'http://emulator');
  if (url.pathname.startsWith('/_emulator/')) return handleEmulatorRoute(options, req, res, url);

  const body = await readBody(req);
  if (body === undefined) return sendError(res, new SesApiError(413, 'BadRequestException', 'Request too large.'));
  const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname));
  const { state } = options;
  try {
    const caller = await authenticate(state, { method: req.method ?? 'GET', rawUrl, headers: req.headers, body });
    if (!route) throw new SesApiError(404, 'UnknownOperationException', `Unknown operation ${req.method} ${url.pathname}`);
    const latency = state.faults.latencyMs();
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const fault = state.faults.takeApiFault(route.name, caller.region);
    if (fault === 'throttle') throw new SesApiError(429, 'TooManyRequestsException', 'Too many requests have been made to the operation.');
    if (fault === 'serverError') throw new SesApiError(500, 'InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.');
    const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p));
    const result = await route.operation({
      state,
      region: caller.region,
      body: parseJson(body),
      query: url.searchParams,
      params,
      baseUrl: options.baseUrl(),
    });
    sendJson(res, 200, result);
  } catch (error) {
    if (error instanceof SesApiError) return sendError(res, error);
    throw error;
  }
}

async function handleEmulatorRoute(options: ApiServerOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const { state } = options;
  const nonce = randomBytes(16).toString('base64');
  const verify = /^\/_emulator\/verify\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
  if (req.method === 'GET' && url.pathname === '/_emulator/messages') {
    return sendJson(res, 200, { messages: state.mailbox.list() });
  }
  if (req.method === 'GET' && url.pathname === '/_emulator/mailbox') {
    return sendHtml(res, 200, mailboxPage(state.mailbox.list(), nonce), nonce);
  }
  if (req.method === 'GET' && verify) {
    const outcome = openVerificationLink(state, verify[1]);
    if (outcome.kind === 'verified') return sendHtml(res, 200, verifiedPage(outcome.identity, outcome.region, nonce), nonce);
    if (outcome.kind === 'expired') return sendHtml(res, 410, expiredPage(outcome.identity, nonce), nonce);
    return sendHtml(res, 404, unknownLinkPage(nonce), nonce);
  }
  if (req.method === 'POST' && url.pathname === '/_emulator/control') {
    const body = await readBody(req);
    try {
      return sendJson(res, 200, applyControl(state, options.clock, JSON.parse(body?.toString('utf8') || '{}') as ControlRequest));
    } catch (error) {
      if (error instanceof ControlError || error instanceof SyntaxError) return sendJson(res, 400, { message: error.message });
      throw error;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`Not found: ${escapeHtml(url.pathname)}`);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    throw new SesApiError(400, 'SerializationException', 'Could not parse the request body as JSON.');
  }
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID() });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: SesApiError): void {
  const text = JSON.stringify({ message: error.message });
  res.writeHead(error.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-errortype': error.errorName,
    'x-amzn-requestid': randomUUID(),
  });
  res.end(text);
}

function sendHtml(res: http.ServerResponse, status: number, html: string, nonce: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': pageCsp(nonce),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}
