import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';

/**
 * A Memento kept in a JSON file in the extension's storage folder, written at once. Drafts stored here survive a
 * window reload that comes a moment after the last keystroke: VS Code's own state is flushed later, and in the
 * browser a reload can cut that flush off.
 */
export class FileMemento implements vscode.Memento {
  private values: Record<string, unknown>;

  constructor(private readonly file: string) {
    try {
      this.values = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      this.values = {};
    }
  }

  keys(): readonly string[] {
    return Object.keys(this.values);
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    return key in this.values ? (this.values[key] as T) : defaultValue;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) delete this.values[key];
    else this.values[key] = value;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Written whole to a temporary file and renamed, so a reload mid-write never leaves half a file.
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.values));
    fs.renameSync(temporary, this.file);
  }
}
