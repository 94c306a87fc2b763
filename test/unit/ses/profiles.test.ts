import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { toSesError } from '../../../src/ses/errors';
import { listProfiles } from '../../../src/ses/profiles';

describe('ses: profiles of the shared AWS files', () => {
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-profiles-'));
    fs.writeFileSync(path.join(dir, 'config'), [
      '[default]', 'region = us-east-1',
      '[profile corp-sso]', 'sso_session = corp', 'sso_account_id = 123456789012', 'sso_role_name = Dev', 'region = eu-west-1',
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = eu-west-1',
      '[profile vault]', 'credential_process = /usr/local/bin/vault-aws',
      '[profile admin]', 'role_arn = arn:aws:iam::123456789012:role/Admin', 'source_profile = default',
      '[services local-ses]', 'sesv2 =', '  endpoint_url = http://127.0.0.1:4590',
      '',
    ].join('\n'));
    fs.writeFileSync(path.join(dir, 'credentials'), ['[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '[ci]', 'aws_access_key_id = AKIAI44QH8DHBEXAMPLE', 'aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY', ''].join('\n'));
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  });
  after(() => {
    for (const [key, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every profile of both files with how it gets credentials, and no sso-session or services sections', async () => {
    assert.deepEqual(await listProfiles(), [
      { name: 'admin', source: 'role', roleArn: 'arn:aws:iam::123456789012:role/Admin' },
      { name: 'ci', source: 'access key' },
      { name: 'corp-sso', source: 'SSO', region: 'eu-west-1' },
      { name: 'default', source: 'access key', region: 'us-east-1' },
      { name: 'vault', source: 'credential_process' },
    ]);
  });

  it('reads the files afresh: a profile added later is listed without a restart', async () => {
    fs.appendFileSync(path.join(dir, 'config'), '[profile late]\nregion = ap-south-1\n');
    assert.ok((await listProfiles()).some((p) => p.name === 'late' && p.region === 'ap-south-1'));
  });

  it('an expired session token says how to renew it, naming the profile', () => {
    const expired = Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' });
    const error = toSesError(expired, 'eu-west-1', 'corp-sso');
    assert.equal(error.kind, 'credentials-expired');
    assert.match(error.message, /aws sso login --profile corp-sso/);
    assert.match(toSesError(expired, 'eu-west-1').message, /Renew the temporary credentials/);
  });
});
