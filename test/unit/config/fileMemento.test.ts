import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileMemento } from '../../../src/config/fileMemento';

describe('Drafts kept in a file', () => {
  it('are there for the next window at once, and a cleared key is gone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-memento-'));
    const file = path.join(dir, 'nested', 'drafts.json');
    const first = new FileMemento(file);
    await first.update('ses.lastDraft', { subject: 'kept across reload' });
    const afterReload = new FileMemento(file);
    assert.deepStrictEqual(afterReload.get('ses.lastDraft'), { subject: 'kept across reload' });
    assert.deepStrictEqual(afterReload.keys(), ['ses.lastDraft']);
    await afterReload.update('ses.lastDraft', undefined);
    assert.strictEqual(new FileMemento(file).get('ses.lastDraft', 'none'), 'none');
  });

  it('starts empty from a missing or broken file instead of failing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ses-memento-'));
    const file = path.join(dir, 'drafts.json');
    fs.writeFileSync(file, '{ not json');
    assert.deepStrictEqual(new FileMemento(file).keys(), []);
  });
});
