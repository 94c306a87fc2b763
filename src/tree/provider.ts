import * as vscode from 'vscode';
import type { SesNode } from './node';
import { IdentityNode, RegionNode, type RegionLoader } from './nodes';

/** Delegates to the nodes; keeps one RegionNode per configured region so a refresh can target one region. */
export class IdentitiesTreeProvider implements vscode.TreeDataProvider<SesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<RegionNode>();
  /** Fires when a region's account status and identities have been (re)loaded, or failed to load (`node.error`). */
  readonly onDidLoadRegion = this.loaded.event;
  private regionNodes: RegionNode[] = [];

  constructor(
    private readonly loader: RegionLoader,
    private readonly regionName: (region: string) => string | undefined,
  ) {}

  setRegions(regions: string[]): void {
    const existing = new Map(this.regionNodes.map((n) => [n.region, n]));
    this.regionNodes = regions.map((r) => existing.get(r) ?? new RegionNode(r, this.loader, this.regionName(r), (n) => this.loaded.fire(n)));
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

  async resolveTreeItem(item: vscode.TreeItem, node: SesNode): Promise<vscode.TreeItem> {
    if (node instanceof IdentityNode) item.tooltip = await node.tooltip();
    return item;
  }

  getParent(node: SesNode): SesNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.changed.dispose();
    this.loaded.dispose();
  }
}
