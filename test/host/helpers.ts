import * as assert from 'node:assert';
import * as vscode from 'vscode';
import type { CommandContext } from '../../src/commands/context';
import type { Ui } from '../../src/commands/ui';
import type { EmulatorInfo } from '../../src/emulator';
import type { SesNode } from '../../src/tree/node';

export type { EmulatorInfo };

export function emulator(): EmulatorInfo {
  const raw = process.env.SES_TEST_EMULATOR;
  assert.ok(raw, 'SES_TEST_EMULATOR is not set: run host tests through scripts/test-host.mjs');
  return JSON.parse(raw) as EmulatorInfo;
}

export async function extension(): Promise<CommandContext> {
  const ext = vscode.extensions.getExtension<CommandContext>('ses-workbench.ses-workbench');
  assert.ok(ext, 'extension ses-workbench.ses-workbench is not installed');
  return ext.isActive ? ext.exports : ext.activate();
}

/** A UI that answers prompts from a script, and records what the user was told. */
export class ScriptedUi implements Ui {
  readonly told: string[] = [];
  readonly inputs: vscode.InputBoxOptions[] = [];
  constructor(
    private readonly answers: { input?: (string | undefined)[]; pick?: string[]; confirm?: boolean[] } = {},
  ) {}
  async pick<T extends vscode.QuickPickItem>(items: T[]): Promise<T | undefined> {
    const label = this.answers.pick?.shift();
    return items.find((i) => i.label === label);
  }
  async pickMany<T extends vscode.QuickPickItem>(items: T[]): Promise<T[] | undefined> {
    const labels = this.answers.pick?.shift()?.split(',') ?? [];
    return items.filter((i) => labels.includes(i.label));
  }
  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.inputs.push(options);
    return this.answers.input?.shift();
  }
  async info(message: string): Promise<undefined> {
    this.told.push(message);
    return undefined;
  }
  async warn(message: string): Promise<undefined> {
    this.told.push(message);
    return undefined;
  }
  async error(message: string): Promise<undefined> {
    this.told.push(message);
    return undefined;
  }
  async confirm(message: string): Promise<boolean> {
    this.told.push(message);
    return this.answers.confirm?.shift() ?? false;
  }
}

/** Runs `fn` with a scripted UI in place of the real one. */
export async function withUi<T>(ctx: CommandContext, ui: ScriptedUi, fn: () => Promise<T>): Promise<T> {
  const real = ctx.ui;
  ctx.ui = ui;
  try {
    return await fn();
  } finally {
    ctx.ui = real;
  }
}

export async function children(ctx: CommandContext, node?: SesNode): Promise<SesNode[]> {
  return ctx.tree.getChildren(node);
}

export async function label(node: SesNode): Promise<string> {
  const item = await node.getTreeItem();
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Waits until the tree shows the region (activation resolves credentials first). */
export async function regionNode(ctx: CommandContext, region: string): Promise<SesNode> {
  for (let i = 0; i < 100; i++) {
    const node = (await children(ctx)).find((n) => n.id === region);
    if (node) return node;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`region ${region} never appeared in the tree`);
}

export async function messages(info: EmulatorInfo): Promise<{ kind: string; to: string[]; from: string; subject: string; verificationLink?: string; region: string }[]> {
  const res = await fetch(`${info.apiEndpoint}/_emulator/messages`);
  return ((await res.json()) as { messages: never[] }).messages;
}
