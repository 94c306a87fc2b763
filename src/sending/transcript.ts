export interface SmtpCredentials {
  username: string;
  password: string;
}

/** What the client sent and what the server answered; other lines are the library's own notes. */
export const CLIENT = 'C: ';
export const SERVER = 'S: ';

/**
 * Redacts an SMTP session transcript whose wire lines carry a `C: ` or `S: ` prefix. The AUTH exchange goes in
 * full: the client's lines and the server's 334 challenges, up to the final reply, kept so a 235 or a 535 shows.
 * Anywhere else the password and the base64 forms of the credentials are blanked too, should a library or a
 * server ever print them.
 */
export function redactTranscript(lines: string[], credentials: SmtpCredentials): string[] {
  const needles = credentialForms(credentials);
  let inAuth = false;
  return lines.map((line) => {
    let out = line;
    if (line.startsWith(CLIENT)) {
      const auth = /^AUTH\s+(\S+)(\s+\S)?/i.exec(line.slice(CLIENT.length));
      if (auth) {
        inAuth = true;
        // AUTH PLAIN carries the credentials inline; a bare AUTH LOGIN names the mechanism only.
        out = `${CLIENT}AUTH ${auth[1]}${auth[2] ? ' [redacted]' : ''}`;
      } else if (inAuth) {
        out = `${CLIENT}[redacted]`;
      }
    } else if (line.startsWith(SERVER) && inAuth) {
      const code = /^\d{3}/.exec(line.slice(SERVER.length))?.[0];
      // 334 continues the exchange (RFC 4954); any other reply ends it, and its code and text are the outcome.
      if (code === '334') out = `${SERVER}334 [redacted]`;
      else if (code) inAuth = false;
    }
    for (const needle of needles) out = out.split(needle).join('[redacted]');
    return out;
  });
}

/** The password and what AUTH PLAIN and LOGIN put on the wire, padded and not; longest first, so none is left half-blanked. */
function credentialForms({ username, password }: SmtpCredentials): string[] {
  const base64 = (s: string): string[] => {
    const encoded = Buffer.from(s, 'utf8').toString('base64');
    return [encoded, encoded.replace(/=+$/, '')];
  };
  // A very short value would match all over the transcript; the AUTH exchange is redacted whatever its length.
  const long = (s: string) => s.length >= 4;
  const forms = [
    ...(long(password) ? [password, ...base64(password)] : []),
    ...(long(username) ? base64(username) : []),
    ...(long(username) || long(password) ? [...base64(`\0${username}\0${password}`), ...base64(`${username}\0${username}\0${password}`)] : []),
  ];
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}
