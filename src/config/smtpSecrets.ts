import type * as vscode from 'vscode';

export interface SmtpCredentials {
  username: string;
  password: string;
}

/**
 * SMTP credentials per region in VS Code's SecretStorage (`ses.smtp.<region>`), never in settings.
 * Values are never logged; callers get them only to hand to the SMTP transport.
 */
export class SmtpSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  private key(region: string): string {
    return `ses.smtp.${region}`;
  }

  async get(region: string): Promise<SmtpCredentials | undefined> {
    const raw = await this.secrets.get(this.key(region));
    if (!raw) return undefined;
    try {
      const parsed = JSON.parse(raw) as Partial<SmtpCredentials>;
      return parsed.username && parsed.password ? { username: parsed.username, password: parsed.password } : undefined;
    } catch {
      return undefined;
    }
  }

  async has(region: string): Promise<boolean> {
    return (await this.get(region)) !== undefined;
  }

  async set(region: string, credentials: SmtpCredentials): Promise<void> {
    await this.secrets.store(this.key(region), JSON.stringify(credentials));
  }

  async clear(region: string): Promise<void> {
    await this.secrets.delete(this.key(region));
  }

  readonly onDidChange = (listener: () => void): vscode.Disposable => this.secrets.onDidChange(listener);
}
