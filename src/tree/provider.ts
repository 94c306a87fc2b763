import * as vscode from 'vscode';
import type { SesNode } from './node';
import { RegionNode, type RegionLoader } from './nodes';

/** Delegates to the nodes; keeps one RegionNode per configured region so a refresh can target one region. */
export class IdentitiesTreeProvider implements vscode.TreeDataProvider<SesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private regionNodes: RegionNode[] = [];

  constructor(
    private readonly loader: RegionLoader,
    private readonly regionName: (region: string) => string | undefined,
  ) {}

  setRegions(regions: string[]): void {
    const existing = new Map(this.regionNodes.map((n) => [n.region, n]));
    this.regionNodes = regions.map((r) => existing.get(r) ?? new RegionNode(r, this.loader, this.regionName(r)));
    this.changed.fire(undefined);
  }

  regions(): readonly RegionNode[] {
    return this.regionNodes;
  }

  regionNode(region: string): RegionNode | undefined {
    return this.regionNodes.find((n) => n.region === region);
  }

  /** Reloads one region, or all of them. */
  refresh(region?: string): void {
    const targets = region ? this.regionNodes.filter((n) => n.region === region) : this.regionNodes;
    for (const node of targets) node.invalidate();
    this.changed.fire(region && targets[0] ? targets[0] : undefined);
  }

  getTreeItem(node: SesNode): vscode.TreeItem | Promise<vscode.TreeItem> {
    return node.getTreeItem();
  }

  async getChildren(node?: SesNode): Promise<SesNode[]> {
    if (!node) return this.regionNodes;
    return node.getChildren ? node.getChildren() : [];
  }

  getParent(node: SesNode): SesNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
