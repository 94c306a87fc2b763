import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ScriptedUi, extension, regionNode, withUi } from './helpers';

describe('Connection: profile and regions', () => {
  it('Choose Regions offers the SES regions with the chosen ones picked, and saves the choice in ses.regions', async () => {
    const ctx = await extension();
    const original = ctx.regions();
    const ui = new ScriptedUi();
    let offered: vscode.QuickPickItem[] = [];
    ui.pickMany = async (items) => {
      offered = items;
      return items.filter((i) => [...original, 'ap-northeast-1'].includes(i.label));
    };
    try {
      await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand('ses.chooseRegions')));
      assert.ok(offered.length >= 20, 'the SES regions are offered');
      assert.deepEqual(offered.filter((i) => i.picked).map((i) => i.label).sort(), [...original].sort(), 'the configured regions are picked');
      assert.equal(offered.find((i) => i.label === 'eu-west-1')?.description, 'Europe (Ireland)');
      assert.deepEqual(vscode.workspace.getConfiguration('ses').get<string[]>('regions')?.slice().sort(), [...original, 'ap-northeast-1'].sort());
      assert.ok(await regionNode(ctx, 'ap-northeast-1'), 'the tree shows the added region');
    } finally {
      await vscode.workspace.getConfiguration('ses').update('regions', original, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Select Profile lists the profiles of the AWS files, says which one is in use, and keeps it when chosen again', async () => {
    const ctx = await extension();
    const ui = new ScriptedUi();
    let offered: vscode.QuickPickItem[] = [];
    ui.pick = async (items) => {
      offered = items;
      return items.find((i) => i.label === 'ses-emulator');
    };
    await withUi(ctx, ui, () => Promise.resolve(vscode.commands.executeCommand('ses.selectProfile')));
    assert.equal(offered[0].label, 'Default credential chain');
    const profile = offered.find((i) => i.label === 'ses-emulator');
    assert.ok(profile, `the emulator's profile is offered: ${offered.map((i) => i.label).join(', ')}`);
    assert.match(String(profile.detail), /in use/);
    assert.match(String(profile.description), /access key/);
    assert.equal(vscode.workspace.getConfiguration('ses').get('profile'), 'ses-emulator');
  });
});
