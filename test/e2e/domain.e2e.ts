import * as assert from 'node:assert';
import { GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { useWorkbench } from './harness';

// Verifying a domain as a person does it: ask SES from the palette, read the DKIM records in the tree, publish them
// (here: in the emulator's DNS zone), refresh, and see the domain verified.
describe('Verify a domain through its DNS records', () => {
  const wb = useWorkbench();
  const domain = `e2e-${Date.now()}.example`;
  const escaped = domain.replace(/\./g, '\\.');

  it('asks SES to verify the domain from the palette and shows the records to publish', async () => {
    await wb.openSesView();
    await wb.treeItem(/example\.org/).first().waitFor();
    await wb.runCommand('SES: Verify Domain');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'eu-west-1' }).first().click();
    const input = wb.quickInput().locator('input');
    await input.fill('not a domain');
    await wb.shot('domain-01-validation');
    await input.fill(domain);
    await input.press('Enter');
    await wb.notification(/pending until its DKIM records are published/).first().waitFor();
    await wb.page.getByText(`DNS records for ${domain} in eu-west-1`).first().waitFor();
    await wb.shot('domain-02-records-document');
  });

  it('shows the three CNAME records under the pending domain in the tree', async () => {
    const row = wb.treeItem(new RegExp(`^${escaped}, domain, pending verification`));
    await row.first().waitFor();
    await row.first().click();
    await wb.treeItem(new RegExp(`_domainkey\\.${escaped}`)).nth(2).waitFor();
    assert.strictEqual(await wb.treeItem(new RegExp(`_domainkey\\.${escaped}`)).count(), 3);
    await wb.shot('domain-03-tree-records');
  });

  it('turns verified after refresh once the records exist in DNS', async () => {
    const ses = new SESv2Client({
      region: 'eu-west-1',
      endpoint: wb.emulator.apiEndpoint,
      credentials: { accessKeyId: wb.emulator.accessKeyId, secretAccessKey: wb.emulator.secretAccessKey },
    });
    const tokens = (await ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain }))).DkimAttributes?.Tokens ?? [];
    ses.destroy();
    assert.strictEqual(tokens.length, 3);
    const res = await fetch(`${wb.emulator.apiEndpoint}/_emulator/control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'setDns', records: tokens.map((t) => ({ name: `${t}._domainkey.${domain}`, type: 'CNAME', value: `${t}.dkim.amazonses.com` })) }),
    });
    assert.strictEqual(res.status, 200);
    await wb.runCommand('SES: Refresh');
    await wb.treeItem(new RegExp(`^${escaped}, domain, verified`)).first().waitFor({ timeout: 30_000 });
    await wb.shot('domain-04-verified');
  });
});
