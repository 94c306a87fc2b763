/**
 * Redacts an SMTP session transcript: every client line of the AUTH exchange, and anywhere else the password,
 * its base64, or the AUTH PLAIN blob, should a library ever print them.
 */
export function redactTranscript(lines: string[], secrets: string[]): string[] {
  const needles = secrets
    .filter((s) => s.length >= 4)
    .flatMap((s) => [s, Buffer.from(s).toString('base64'), Buffer.from(s).toString('base64').replace(/=+$/, '')]);
  let inAuth = false;
  return lines.map((line) => {
    let out = line;
    const client = /^C:\s?/.test(line);
    const server = /^S:\s?/.test(line);
    if (client && /^C:\s?AUTH\b/i.test(line)) {
      inAuth = true;
      out = line.replace(/^(C:\s?AUTH\s+\S+).*$/i, '$1 [redacted]');
    } else if (client && inAuth) {
      out = 'C: [redacted]';
    } else if (server && inAuth && /^S:\s?(235|5\d\d|4\d\d)/.test(line)) {
      inAuth = false;
    }
    for (const needle of needles) out = out.split(needle).join('[redacted]');
    return out;
  });
}
