import { simpleParser, type AddressObject } from 'mailparser';
import addressparser from 'nodemailer/lib/addressparser';
import type { IdentityType, VerificationStatus } from '../../rules/identities';
import { newIdentity, refreshIdentity, sendVerificationMail } from '../identities';
import { checkSend, recordSend, type SendAttempt } from '../send-rules';
import {
  MAX_IDENTITIES_PER_REGION,
  newCaseId,
  newMessageId,
  PRODUCTION_QUOTA,
  type AccountDetails,
  type EmulatedIdentity,
  type EmulatorState,
  type RegionState,
} from '../state';
import { badRequest, notFound, SesApiError, validationError } from './errors';

/** What an operation gets: the state, the caller's region, the decoded JSON body, query and path parameters. */
export interface OperationContext {
  state: EmulatorState;
  region: string;
  body: Record<string, unknown>;
  query: URLSearchParams;
  params: string[];
  /** Where verification links point. */
  baseUrl: string;
}

export type Operation = (ctx: OperationContext) => Promise<unknown> | unknown;

const seconds = (epochMs: number | undefined) => (epochMs === undefined ? undefined : epochMs / 1000);

function regionOf(ctx: OperationContext): RegionState {
  const region = ctx.state.region(ctx.region);
  applyReview(region, ctx.state.now());
  return region;
}

/** A production-access review decides once its delay has passed on the emulator's clock. */
function applyReview(region: RegionState, now: number): void {
  const review = region.account.review;
  if (!review || review.status !== 'PENDING' || now < review.decidesAt) return;
  review.status = region.account.reviewOutcome;
  if (review.status === 'GRANTED') {
    region.account.productionAccessEnabled = true;
    if (!region.account.quotaFromSeed) Object.assign(region.account, PRODUCTION_QUOTA);
  }
}

export const getAccount: Operation = (ctx) => {
  const region = regionOf(ctx);
  const account = region.account;
  const details = account.details;
  return {
    DedicatedIpAutoWarmupEnabled: false,
    EnforcementStatus: account.enforcementStatus,
    ProductionAccessEnabled: account.productionAccessEnabled,
    SendingEnabled: account.sendingEnabled,
    SendQuota: {
      Max24HourSend: account.max24HourSend,
      MaxSendRate: account.maxSendRate,
      SentLast24Hours: region.sentLast24Hours(ctx.state.now()),
    },
    SuppressionAttributes: { SuppressedReasons: [] },
    Details: details
      ? {
          ...details,
          ReviewDetails: account.review ? { Status: account.review.status, CaseId: account.review.caseId } : undefined,
        }
      : undefined,
  };
};

const MAIL_TYPES = ['MARKETING', 'TRANSACTIONAL'];
const LANGUAGES = ['EN', 'JA'];

/** PutAccountDetails with the constraints of the SES v2 API reference (required fields, enums, lengths, 1–4 contacts). */
export const putAccountDetails: Operation = (ctx) => {
  const body = ctx.body;
  const problems: string[] = [];
  const constraint = (value: unknown, field: string, rule: string) =>
    problems.push(`Value ${value === undefined ? 'null' : `'${String(value)}'`} at '${field}' failed to satisfy constraint: ${rule}`);
  if (body.MailType === undefined) constraint(undefined, 'mailType', 'Member must not be null');
  else if (!MAIL_TYPES.includes(String(body.MailType))) constraint(body.MailType, 'mailType', `Member must satisfy enum value set: [${MAIL_TYPES.join(', ')}]`);
  if (body.WebsiteURL === undefined) constraint(undefined, 'websiteURL', 'Member must not be null');
  else if (typeof body.WebsiteURL !== 'string' || body.WebsiteURL.length < 1 || body.WebsiteURL.length > 1000) constraint(body.WebsiteURL, 'websiteURL', 'Member must have length between 1 and 1000');
  else if (!/^https?:\/\/[^\s]+$/.test(body.WebsiteURL)) constraint(body.WebsiteURL, 'websiteURL', 'Member must satisfy regular expression pattern: ^https?://.+');
  if (body.ContactLanguage !== undefined && !LANGUAGES.includes(String(body.ContactLanguage))) constraint(body.ContactLanguage, 'contactLanguage', `Member must satisfy enum value set: [${LANGUAGES.join(', ')}]`);
  if (body.UseCaseDescription !== undefined && (typeof body.UseCaseDescription !== 'string' || body.UseCaseDescription.length < 1 || body.UseCaseDescription.length > 5000)) {
    constraint('***', 'useCaseDescription', 'Member must have length between 1 and 5000');
  }
  const contacts = body.AdditionalContactEmailAddresses;
  if (contacts !== undefined) {
    if (Array.isArray(contacts) && contacts.length < 1) constraint('[]', 'additionalContactEmailAddresses', 'Member must have length greater than or equal to 1');
    else if (!Array.isArray(contacts) || contacts.length > 4) constraint(Array.isArray(contacts) ? `[${contacts.join(', ')}]` : contacts, 'additionalContactEmailAddresses', 'Member must have length less than or equal to 4');
    else contacts.forEach((c, i) => {
      if (typeof c !== 'string' || c.length < 6 || c.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c)) {
        constraint(c, `additionalContactEmailAddresses.${i + 1}.member`, 'Member must satisfy regular expression pattern: ^(.+)@(.+)$ and have length between 6 and 254');
      }
    });
  }
  if (body.ProductionAccessEnabled !== undefined && typeof body.ProductionAccessEnabled !== 'boolean') constraint(body.ProductionAccessEnabled, 'productionAccessEnabled', 'Member must be a boolean');
  if (problems.length > 0) throw validationError(problems);

  const region = regionOf(ctx);
  const account = region.account;
  if (account.review?.status === 'PENDING') throw new SesApiError(409, 'ConflictException', 'A request to update your account details is already under review.');
  account.details = {
    MailType: body.MailType as AccountDetails['MailType'],
    WebsiteURL: body.WebsiteURL as string,
    ContactLanguage: body.ContactLanguage as AccountDetails['ContactLanguage'],
    UseCaseDescription: body.UseCaseDescription as string | undefined,
    AdditionalContactEmailAddresses: contacts as string[] | undefined,
  };
  if (body.ProductionAccessEnabled === true && !account.productionAccessEnabled) {
    account.review = { status: 'PENDING', caseId: newCaseId(), decidesAt: ctx.state.now() + account.reviewDelayMs };
  }
  return {};
};

/** PutAccountSendingAttributes: the account owner pausing or resuming sending in a region. */
export const putAccountSendingAttributes: Operation = (ctx) => {
  const enabled = ctx.body.SendingEnabled;
  if (enabled !== undefined && typeof enabled !== 'boolean') throw badRequest('SendingEnabled must be a boolean');
  regionOf(ctx).account.sendingEnabled = enabled ?? false;
  return {};
};

const IDENTITY_TYPES: IdentityType[] = ['EMAIL_ADDRESS', 'DOMAIN', 'MANAGED_DOMAIN'];
const STATUSES: VerificationStatus[] = ['PENDING', 'SUCCESS', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED'];
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** One call lists a page of up to 1,000 identities with their status; pending domains are re-checked against DNS. */
export const listEmailIdentities: Operation = (ctx) => {
  const region = regionOf(ctx);
  const fromQuery = (name: string) => ctx.query.get(name) ?? undefined;
  const nextToken = (ctx.body.NextToken as string | undefined) ?? fromQuery('NextToken');
  const rawPageSize = ctx.body.PageSize ?? fromQuery('PageSize');
  const pageSize = rawPageSize === undefined ? DEFAULT_PAGE_SIZE : Number(rawPageSize);
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
    throw validationError([`Value '${String(rawPageSize)}' at 'pageSize' failed to satisfy constraint: Member must have value between 0 and ${MAX_PAGE_SIZE}`]);
  }
  const filter = (ctx.body.Filter ?? {}) as Record<string, string>;
  if (filter.IDENTITY_TYPE !== undefined && !IDENTITY_TYPES.includes(filter.IDENTITY_TYPE as IdentityType)) throw badRequest(`Invalid IDENTITY_TYPE filter value: ${filter.IDENTITY_TYPE}`);
  if (filter.VERIFICATION_STATUS !== undefined && !STATUSES.includes(filter.VERIFICATION_STATUS as VerificationStatus)) throw badRequest(`Invalid VERIFICATION_STATUS filter value: ${filter.VERIFICATION_STATUS}`);
  const offset = nextToken === undefined ? 0 : decodeNextToken(nextToken);

  const now = ctx.state.now();
  let identities = [...region.identities.values()];
  const nameContains = filter.IDENTITY_NAME_CONTAINS?.toLowerCase();
  if (filter.IDENTITY_TYPE || filter.VERIFICATION_STATUS || nameContains) {
    identities = identities.filter((identity) => {
      if (filter.IDENTITY_TYPE && identity.type !== filter.IDENTITY_TYPE) return false;
      if (nameContains && !identity.name.toLowerCase().includes(nameContains)) return false;
      if (filter.VERIFICATION_STATUS) {
        refreshIdentity(identity, ctx.region, ctx.state.dns, now);
        if (identity.status !== filter.VERIFICATION_STATUS) return false;
      }
      return true;
    });
  }
  const page = identities.slice(offset, offset + pageSize);
  for (const identity of page) refreshIdentity(identity, ctx.region, ctx.state.dns, now);
  const end = offset + page.length;
  return {
    EmailIdentities: page.map((identity) => ({
      IdentityType: identity.type,
      IdentityName: identity.name,
      SendingEnabled: identity.status === 'SUCCESS',
      VerificationStatus: identity.status,
    })),
    NextToken: end < identities.length ? encodeNextToken(end) : undefined,
  };
};

function encodeNextToken(offset: number): string {
  return Buffer.from(`identities:${offset}`).toString('base64');
}

function decodeNextToken(token: string): number {
  const match = /^identities:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) throw badRequest('Invalid NextToken');
  return Number(match[1]);
}

export const createEmailIdentity: Operation = (ctx) => {
  const name = ctx.body.EmailIdentity;
  if (typeof name !== 'string' || name.length === 0) throw validationError(["Value null at 'emailIdentity' failed to satisfy constraint: Member must not be null"]);
  if (!isValidIdentityName(name)) throw badRequest(`Invalid email identity: ${name}`);
  if (ctx.body.DkimSigningAttributes !== undefined) throw badRequest('Bring Your Own DKIM is not supported by the SES Workbench emulator.');
  const configurationSetName = ctx.body.ConfigurationSetName as string | undefined;
  const region = regionOf(ctx);
  if (region.getIdentity(name)) throw new SesApiError(400, 'AlreadyExistsException', `Email identity ${name} already exist.`);
  if (region.identities.size >= MAX_IDENTITIES_PER_REGION) throw new SesApiError(400, 'LimitExceededException', 'Maximum number of identities exceeded.');
  if (configurationSetName !== undefined && !region.configurationSets.has(configurationSetName)) throw notFound(`Configuration set <${configurationSetName}> does not exist.`);
  const identity = newIdentity(name, ctx.state.now());
  identity.tags = (ctx.body.Tags as EmulatedIdentity['tags'] | undefined) ?? [];
  identity.configurationSetName = configurationSetName;
  region.identities.set(identity.type === 'DOMAIN' ? identity.name : name, identity);
  if (identity.type === 'EMAIL_ADDRESS') sendVerificationMail(ctx.state, ctx.region, identity, ctx.baseUrl);
  else refreshIdentity(identity, ctx.region, ctx.state.dns, ctx.state.now());
  return { IdentityType: identity.type, VerifiedForSendingStatus: identity.status === 'SUCCESS', DkimAttributes: dkimAttributes(identity) };
};

function isValidIdentityName(name: string): boolean {
  if (name.includes('@')) return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(name) && name.length <= 320;
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i.test(name);
}

function dkimAttributes(identity: EmulatedIdentity) {
  if (identity.type !== 'DOMAIN') {
    return { SigningEnabled: false, Status: 'NOT_STARTED', Tokens: [], SigningAttributesOrigin: 'AWS_SES' };
  }
  return {
    SigningEnabled: true,
    Status: identity.dkimStatus,
    Tokens: identity.dkimTokens,
    SigningAttributesOrigin: 'AWS_SES',
    NextSigningKeyLength: 'RSA_2048_BIT',
    CurrentSigningKeyLength: 'RSA_2048_BIT',
  };
}

function findIdentity(ctx: OperationContext): { region: RegionState; identity: EmulatedIdentity; name: string } {
  const name = ctx.params[0];
  const region = regionOf(ctx);
  const identity = region.getIdentity(name);
  if (!identity) throw notFound(`Email identity ${name} does not exist.`);
  return { region, identity, name };
}

export const getEmailIdentity: Operation = (ctx) => {
  const { identity } = findIdentity(ctx);
  refreshIdentity(identity, ctx.region, ctx.state.dns, ctx.state.now());
  return {
    IdentityType: identity.type,
    FeedbackForwardingStatus: true,
    VerifiedForSendingStatus: identity.status === 'SUCCESS',
    DkimAttributes: dkimAttributes(identity),
    MailFromAttributes: identity.mailFromDomain
      ? { MailFromDomain: identity.mailFromDomain, MailFromDomainStatus: identity.mailFromStatus, BehaviorOnMxFailure: identity.behaviorOnMxFailure }
      : { BehaviorOnMxFailure: identity.behaviorOnMxFailure },
    Policies: {},
    Tags: identity.tags,
    ConfigurationSetName: identity.configurationSetName,
    VerificationStatus: identity.status,
    VerificationInfo: {
      LastCheckedTimestamp: seconds(identity.lastCheckedAt),
      LastSuccessTimestamp: seconds(identity.lastSuccessAt),
      ErrorType: identity.errorType,
    },
  };
};

export const deleteEmailIdentity: Operation = (ctx) => {
  const { region, identity } = findIdentity(ctx);
  region.identities.delete(identity.type === 'DOMAIN' ? identity.name : ctx.params[0]);
  return {};
};

/** PutEmailIdentityMailFromAttributes: sets or clears the custom MAIL FROM domain, re-checked against DNS. */
export const putEmailIdentityMailFromAttributes: Operation = (ctx) => {
  const { identity } = findIdentity(ctx);
  const domain = ctx.body.MailFromDomain as string | undefined;
  const behavior = (ctx.body.BehaviorOnMxFailure as string | undefined) ?? 'USE_DEFAULT_VALUE';
  if (behavior !== 'USE_DEFAULT_VALUE' && behavior !== 'REJECT_MESSAGE') throw badRequest(`Invalid BehaviorOnMxFailure: ${behavior}`);
  if (domain && identity.type === 'DOMAIN' && !(domain.toLowerCase().endsWith(`.${identity.name}`))) {
    throw badRequest(`The MAIL FROM domain ${domain} must be a subdomain of ${identity.name}.`);
  }
  identity.behaviorOnMxFailure = behavior;
  identity.mailFromDomain = domain ? domain.toLowerCase() : undefined;
  identity.mailFromStatus = domain ? 'PENDING' : undefined;
  refreshIdentity(identity, ctx.region, ctx.state.dns, ctx.state.now());
  return {};
};

export const listConfigurationSets: Operation = (ctx) => {
  const region = regionOf(ctx);
  const names = [...region.configurationSets];
  const pageSize = Number(ctx.body.PageSize ?? ctx.query.get('PageSize') ?? DEFAULT_PAGE_SIZE);
  const offset = Number(ctx.body.NextToken ?? ctx.query.get('NextToken') ?? 0);
  if (!Number.isInteger(offset) || offset < 0) throw badRequest('Invalid NextToken');
  if (!Number.isInteger(pageSize) || pageSize < 0 || pageSize > MAX_PAGE_SIZE) throw badRequest('PageSize must be between 0 and 1000');
  const page = names.slice(offset, offset + pageSize);
  return { ConfigurationSets: page, NextToken: offset + page.length < names.length ? String(offset + page.length) : undefined };
};

export const createConfigurationSet: Operation = (ctx) => {
  const name = ctx.body.ConfigurationSetName;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw badRequest('Configuration set name must contain only letters, numbers, underscores and dashes, at most 64 characters.');
  const region = regionOf(ctx);
  if (region.configurationSets.has(name)) throw new SesApiError(400, 'AlreadyExistsException', `Configuration set <${name}> already exists.`);
  region.configurationSets.add(name);
  return {};
};

interface Destination {
  ToAddresses?: string[];
  CcAddresses?: string[];
  BccAddresses?: string[];
}

/** SendEmail with Simple or Raw content, through the same rules as SMTP. */
export const sendEmail: Operation = async (ctx) => {
  const body = ctx.body;
  const content = body.Content as { Simple?: SimpleContent; Raw?: { Data?: string }; Template?: unknown } | undefined;
  if (!content || (!content.Simple && !content.Raw && !content.Template)) throw badRequest('Content is required: Simple, Raw or Template.');
  if (content.Template) throw badRequest('Templates are not supported by the SES Workbench emulator.');
  const destination = (body.Destination ?? {}) as Destination;
  const fromEmailAddress = body.FromEmailAddress as string | undefined;
  const now = ctx.state.now();
  const region = regionOf(ctx);

  let message: ComposedMessage;
  const replyTo = Array.isArray(body.ReplyToAddresses) ? (body.ReplyToAddresses as string[]) : [];
  if (content.Simple) message = composeSimple(content.Simple, fromEmailAddress, destination, replyTo);
  else message = await parseRaw(Buffer.from(content.Raw?.Data ?? '', 'base64'), fromEmailAddress, destination);

  const feedback = body.FeedbackForwardingEmailAddress as string | undefined;
  const attempt: SendAttempt = {
    senders: unique([...message.senders, ...(feedback ? addresses([feedback]) : [])]),
    recipients: [...message.to, ...message.cc, ...message.bcc],
    configurationSetName: body.ConfigurationSetName as string | undefined,
    sizeBytes: message.sizeBytes,
  };
  const rejection = checkSend(region, attempt, now, ctx.state.dns);
  if (rejection) throw new SesApiError(rejection.api.status, rejection.api.name, rejection.api.message);
  recordSend(region, attempt, now);
  const id = newMessageId(now);
  ctx.state.mailbox.add({
    id,
    region: ctx.region,
    kind: 'sent',
    via: 'api',
    from: message.from,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    receivedAt: new Date(now).toISOString(),
  });
  return { MessageId: id };
};

interface SimpleContent {
  Subject?: { Data?: string };
  Body?: { Text?: { Data?: string }; Html?: { Data?: string } };
  Headers?: { Name: string; Value: string }[];
}

interface ComposedMessage {
  from: string;
  senders: string[];
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  sizeBytes: number;
}

function composeSimple(simple: SimpleContent, from: string | undefined, destination: Destination, replyTo: string[]): ComposedMessage {
  if (!from) throw badRequest('Missing required parameter: FromEmailAddress');
  const fromAddresses = addresses([from]);
  if (fromAddresses.length !== 1) throw badRequest(`Illegal address: ${from}`);
  const to = addresses(destination.ToAddresses ?? []);
  const cc = addresses(destination.CcAddresses ?? []);
  const bcc = addresses(destination.BccAddresses ?? []);
  const subject = simple.Subject?.Data ?? '';
  const text = simple.Body?.Text?.Data ?? '';
  const html = simple.Body?.Html?.Data ?? '';
  const headers: Record<string, string> = { from, subject };
  if (to.length) headers.to = (destination.ToAddresses ?? []).join(', ');
  if (cc.length) headers.cc = (destination.CcAddresses ?? []).join(', ');
  if (replyTo.length) {
    addresses(replyTo); // refuses what is not an address, as SES does
    headers['reply-to'] = replyTo.join(', ');
  }
  for (const header of simple.Headers ?? []) headers[header.Name.toLowerCase()] = header.Value;
  return {
    from,
    senders: fromAddresses,
    to,
    cc,
    bcc,
    subject,
    text,
    html,
    headers,
    sizeBytes: Buffer.byteLength(subject) + Buffer.byteLength(text) + Buffer.byteLength(html),
  };
}

/** A raw MIME message: From, To, Cc, Bcc and Return-Path from its headers unless the request names them. */
export async function parseRaw(raw: Buffer, from: string | undefined, destination: Destination): Promise<ComposedMessage> {
  const parsed = await simpleParser(raw);
  const list = (value: AddressObject | AddressObject[] | undefined) =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((a) => a.address ?? '')).filter(Boolean);
  const headerFrom = parsed.from?.value.map((a) => a.address ?? '').filter(Boolean) ?? [];
  const returnPath = parsed.headers.get('return-path');
  const returnPathAddresses = returnPath ? list(returnPath as AddressObject) : [];
  const hasDestination = Boolean(destination.ToAddresses?.length || destination.CcAddresses?.length || destination.BccAddresses?.length);
  const headers: Record<string, string> = {};
  for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(':') + 1).trim();
  return {
    from: parsed.from?.text ?? from ?? '',
    senders: unique([...(from ? addresses([from]) : []), ...headerFrom, ...returnPathAddresses]),
    to: hasDestination ? addresses(destination.ToAddresses ?? []) : list(parsed.to),
    cc: hasDestination ? addresses(destination.CcAddresses ?? []) : list(parsed.cc),
    bcc: hasDestination ? addresses(destination.BccAddresses ?? []) : list(parsed.bcc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    headers,
    sizeBytes: raw.length,
  };
}

/** Bare addresses from header-style values (`"Name" <a@b>`); anything that is not one is SES's "Illegal address". */
function addresses(values: string[]): string[] {
  const result: string[] = [];
  for (const value of values) {
    const parsed = addressparser(value, { flatten: true }).map((a) => a.address);
    if (parsed.length === 0 || parsed.some((a) => !a.includes('@'))) throw badRequest('Illegal address');
    result.push(...parsed);
  }
  return result;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
