import {
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetAccountCommand,
  GetEmailIdentityCommand,
  ListConfigurationSetsCommand,
  PutAccountDetailsCommand,
  SESv2Client,
  SendEmailCommand,
  paginateListEmailIdentities,
  type GetAccountCommandOutput,
  type GetEmailIdentityCommandOutput,
  type PutAccountDetailsCommandInput,
  type SendEmailCommandInput,
} from '@aws-sdk/client-sesv2';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { IdentityState, IdentityType, VerificationStatus } from '../rules/identities';
import { SesError, toSesError } from './errors';

export interface Connection {
  /** AWS profile; empty means the default credential chain. */
  profile: string;
  /** Endpoint override (the emulator, LocalStack); empty means AWS. */
  endpoint: string;
}

export interface IdentitySummary extends IdentityState {
  sendingEnabled: boolean;
}

export interface IdentityDetail {
  name: string;
  type: IdentityType;
  status: VerificationStatus;
  dkim?: { status?: string; signingEnabled: boolean; tokens: string[] };
  mailFrom?: { domain: string; status?: string; behaviorOnMxFailure?: string };
  verificationInfo?: { errorType?: string; lastChecked?: Date; lastSuccess?: Date };
}

export interface AccountStatus {
  productionAccess: boolean;
  sendingEnabled: boolean;
  enforcementStatus: string;
  max24HourSend: number;
  maxSendRate: number;
  sentLast24Hours: number;
  reviewStatus?: string;
  reviewCaseId?: string;
}

/** SES limits a page to 1,000 identities; one call per page is all the tree needs. */
const PAGE_SIZE = 1000;

/** The SES API v2 seen by the extension: one SDK client per region, errors mapped to `SesError`. */
export class SesApi {
  private readonly clients = new Map<string, SESv2Client>();
  private readonly credentials: ReturnType<typeof fromNodeProviderChain>;

  constructor(readonly connection: Connection) {
    // ignoreCache: the shared config and credentials files are read again on each resolution, so a profile added
    // or an `aws sso login` done after start-up takes effect on the next refresh, without restarting VS Code.
    this.credentials = fromNodeProviderChain({ profile: connection.profile || undefined, ignoreCache: true });
  }

  client(region: string): SESv2Client {
    let client = this.clients.get(region);
    if (!client) {
      client = new SESv2Client({
        region,
        credentials: this.credentials,
        endpoint: this.connection.endpoint || undefined,
        maxAttempts: 3,
      });
      this.clients.set(region, client);
    }
    return client;
  }

  /** Resolves credentials once; throws a `SesError` of kind `no-credentials` or `sso-expired` when none work. */
  async checkCredentials(): Promise<void> {
    try {
      await this.credentials();
    } catch (err) {
      throw toSesError(err, '', this.connection.profile);
    }
  }

  /**
   * The AWS account id behind the credentials, when the credential source states it (SSO `sso_account_id`, an
   * assumed role, `aws_account_id` in a shared file, `AWS_ACCOUNT_ID`). SES API v2 itself never returns it.
   */
  async accountId(): Promise<string | undefined> {
    try {
      return (await this.credentials()).accountId || undefined;
    } catch (err) {
      throw toSesError(err, '', this.connection.profile);
    }
  }

  async getAccount(region: string): Promise<AccountStatus> {
    const out: GetAccountCommandOutput = await this.call(region, (c) => c.send(new GetAccountCommand({})));
    return {
      productionAccess: out.ProductionAccessEnabled ?? false,
      sendingEnabled: out.SendingEnabled ?? true,
      enforcementStatus: out.EnforcementStatus ?? 'HEALTHY',
      max24HourSend: out.SendQuota?.Max24HourSend ?? 0,
      maxSendRate: out.SendQuota?.MaxSendRate ?? 0,
      sentLast24Hours: out.SendQuota?.SentLast24Hours ?? 0,
      reviewStatus: out.Details?.ReviewDetails?.Status,
      reviewCaseId: out.Details?.ReviewDetails?.CaseId,
    };
  }

  /** PutAccountDetails: the account's use case for the region; with `ProductionAccessEnabled` it asks AWS for production access. */
  async putAccountDetails(region: string, input: PutAccountDetailsCommandInput): Promise<void> {
    await this.call(region, (c) => c.send(new PutAccountDetailsCommand(input)));
  }

  /** Every identity of the region, 1,000 per call. `onPage` lets a caller measure or stream. */
  async listIdentities(region: string, onPage?: (count: number) => void): Promise<IdentitySummary[]> {
    return this.call(region, async (client) => {
      const identities: IdentitySummary[] = [];
      for await (const page of paginateListEmailIdentities({ client, pageSize: PAGE_SIZE }, {})) {
        for (const i of page.EmailIdentities ?? []) {
          if (!i.IdentityName) continue;
          identities.push({
            name: i.IdentityName,
            type: (i.IdentityType ?? 'EMAIL_ADDRESS') as IdentityType,
            status: (i.VerificationStatus ?? 'NOT_STARTED') as VerificationStatus,
            sendingEnabled: i.SendingEnabled ?? false,
          });
        }
        onPage?.(page.EmailIdentities?.length ?? 0);
      }
      return identities;
    });
  }

  async getIdentity(region: string, name: string): Promise<IdentityDetail> {
    const out: GetEmailIdentityCommandOutput = await this.call(region, (c) => c.send(new GetEmailIdentityCommand({ EmailIdentity: name })));
    const info = out.VerificationInfo;
    return {
      name,
      type: (out.IdentityType ?? 'EMAIL_ADDRESS') as IdentityType,
      status: (out.VerificationStatus ?? 'NOT_STARTED') as VerificationStatus,
      dkim: out.DkimAttributes
        ? { status: out.DkimAttributes.Status, signingEnabled: out.DkimAttributes.SigningEnabled ?? false, tokens: out.DkimAttributes.Tokens ?? [] }
        : undefined,
      mailFrom: out.MailFromAttributes?.MailFromDomain
        ? { domain: out.MailFromAttributes.MailFromDomain, status: out.MailFromAttributes.MailFromDomainStatus, behaviorOnMxFailure: out.MailFromAttributes.BehaviorOnMxFailure }
        : undefined,
      verificationInfo: info ? { errorType: info.ErrorType, lastChecked: info.LastCheckedTimestamp, lastSuccess: info.LastSuccessTimestamp } : undefined,
    };
  }

  async createIdentity(region: string, name: string): Promise<{ type: IdentityType; dkimTokens: string[] }> {
    const out = await this.call(region, (c) => c.send(new CreateEmailIdentityCommand({ EmailIdentity: name })));
    return { type: (out.IdentityType ?? 'EMAIL_ADDRESS') as IdentityType, dkimTokens: out.DkimAttributes?.Tokens ?? [] };
  }

  async deleteIdentity(region: string, name: string): Promise<void> {
    await this.call(region, (c) => c.send(new DeleteEmailIdentityCommand({ EmailIdentity: name })));
  }

  async listConfigurationSets(region: string): Promise<string[]> {
    return this.call(region, async (c) => {
      const names: string[] = [];
      let token: string | undefined;
      do {
        const out = await c.send(new ListConfigurationSetsCommand({ NextToken: token, PageSize: 1000 }));
        names.push(...(out.ConfigurationSets ?? []));
        token = out.NextToken;
      } while (token);
      return names;
    });
  }

  async sendEmail(region: string, input: SendEmailCommandInput): Promise<string> {
    const out = await this.call(region, (c) => c.send(new SendEmailCommand(input)));
    return out.MessageId ?? '';
  }

  dispose(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private async call<T>(region: string, run: (client: SESv2Client) => Promise<T>): Promise<T> {
    const endpointProblem = this.endpointProblem();
    if (endpointProblem) throw new SesError('bad-setting', endpointProblem, region);
    try {
      return await run(this.client(region));
    } catch (err) {
      const error = toSesError(err, region, this.connection.profile);
      // Something answered at ses.endpoint, but not as SES does (a web server, a proxy): say where and what.
      const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (this.connection.endpoint && error.kind === 'service' && (err as Error).name === 'UnknownError' && status) {
        // The host only: a URL can carry a user and password, which have no place in an error.
        throw new SesError('service', `${new URL(this.connection.endpoint).host} (ses.endpoint) answered HTTP ${status}, not as SES does: check the address.`, region, err);
      }
      throw error;
    }
  }

  /** A setting that cannot be an endpoint, in words; undefined when it is fine or not set. */
  private endpointProblem(): string | undefined {
    const endpoint = this.connection.endpoint;
    if (!endpoint) return undefined;
    try {
      const url = new URL(endpoint);
      if (url.protocol === 'http:' || url.protocol === 'https:') return undefined;
    } catch {
      // reported below
    }
    return `ses.endpoint is not an http(s) URL: write it with its scheme, e.g. http://127.0.0.1:4590, or clear it to use AWS.`;
  }
}
