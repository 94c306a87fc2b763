import type * as vscode from 'vscode';

/** One node model for the whole tree: each kind of node draws itself and knows its children. */
export interface SesNode {
  /** Stable hierarchical id (`us-east-1/identity/a@b.com`) so expansion survives a refresh. */
  readonly id: string;
  readonly parent?: SesNode;
  getTreeItem(): vscode.TreeItem | Promise<vscode.TreeItem>;
  getChildren?(): Promise<SesNode[]>;
}
