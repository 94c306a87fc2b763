import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface AwsProfile {
  name: string;
  /** How the profile gets its credentials, in the words of the AWS CLI docs. */
  source: 'SSO' | 'credential_process' | 'role' | 'access key' | 'config';
  roleArn?: string;
  region?: string;
}

/**
 * Profiles of the shared config and credentials files (AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE honoured),
 * read afresh each time. `[sso-session …]` and `[services …]` sections are settings shared by profiles, not profiles.
 */
export async function listProfiles(): Promise<AwsProfile[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const notProfile = /^(sso-session|services)\./;
  const names = new Set([...Object.keys(credentialsFile), ...Object.keys(configFile)].filter((n) => !notProfile.test(n)));
  return [...names].sort().map((name): AwsProfile => {
    const config = configFile[name] ?? {};
    const credentials = credentialsFile[name] ?? {};
    const region = config.region ?? credentials.region;
    const source: AwsProfile['source'] = config.sso_session || config.sso_start_url
      ? 'SSO'
      : config.credential_process || credentials.credential_process
        ? 'credential_process'
        : config.role_arn || credentials.role_arn
          ? 'role'
          : credentials.aws_access_key_id || config.aws_access_key_id
            ? 'access key'
            : 'config';
    return { name, source, ...(source === 'role' ? { roleArn: config.role_arn ?? credentials.role_arn } : {}), ...(region ? { region } : {}) };
  });
}
