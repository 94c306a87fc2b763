import { readFileSync } from 'node:fs';
import { diagnose } from './diagnose';
import { formatDiagnosis } from './format';
import type { DiagnosisContext } from './types';

/**
 * `npm run --silent explain -- [--json] [--context FILE] "<failure text>"`; without the text argument the
 * failure is read from standard input. Exit code 0 when the failure was recognised, 1 for `unknown`, 2 for usage.
 */

const USAGE = `Usage: npm run --silent explain -- [--json] [--context FILE] "<failure text>"
       <command that fails> 2>&1 | npm run --silent explain -- [--json] [--context FILE]

The context file is JSON with any of: region, smtpHost, port, tls ("starttls" or "implicit"), transport ("smtp" or
"api"), from, to, configurationSet, passwordShape (or password: only its shape is used, it is never printed),
credentialRegions, verifiedIdentities ({"eu-west-1": ["me@example.com", "example.com"]}), productionAccess
({"eu-west-1": false}), profile.`;

interface Options {
  json: boolean;
  contextFile?: string;
  text: string[];
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { json: false, text: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') options.text.push(...argv.slice(i + 1)), (i = argv.length);
    else if (arg === '--json') options.json = true;
    else if (arg === '--context') {
      const file = argv[++i];
      if (!file) return '--context needs a file name.';
      options.contextFile = file;
    } else if (arg.startsWith('--context=')) options.contextFile = arg.slice('--context='.length);
    else if (arg === '--help' || arg === '-h') return '';
    // Failure texts rarely start with "--"; an unknown option is more likely a typo than a text to explain.
    else if (/^--[a-z]/.test(arg)) return `Unknown option ${arg}. To explain a text that starts with "--", put it after a lone --.`;
    else options.text.push(arg);
  }
  return options;
}

function readContext(file: string): DiagnosisContext | string {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    return `Cannot read the context file ${file}: ${(err as Error).message}`;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return `The context file ${file} must hold a JSON object.`;
    return contextProblem(parsed as Record<string, unknown>, file) ?? (parsed as DiagnosisContext);
  } catch (err) {
    return `The context file ${file} is not valid JSON: ${(err as Error).message}`;
  }
}

/** The shape each context field must have; a field not listed is a typo that would be silently ignored. */
const FIELDS: Record<string, (v: unknown) => boolean> = {
  region: (v) => typeof v === 'string',
  smtpHost: (v) => typeof v === 'string',
  port: (v) => Number.isInteger(v),
  tls: (v) => v === 'starttls' || v === 'implicit',
  transport: (v) => v === 'smtp' || v === 'api',
  from: (v) => typeof v === 'string',
  to: (v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
  configurationSet: (v) => typeof v === 'string',
  passwordShape: (v) => typeof v === 'string',
  password: (v) => typeof v === 'string',
  credentialRegions: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  verifiedIdentities: (v) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string' || (!!x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string'))),
  productionAccess: (v) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'boolean'),
  profile: (v) => typeof v === 'string',
};

const SHAPES: Record<string, string> = {
  port: 'a whole number', tls: '"starttls" or "implicit"', transport: '"smtp" or "api"', to: 'a string or a list of strings',
  credentialRegions: 'a list of region codes', verifiedIdentities: 'an object of region → list of identities', productionAccess: 'an object of region → true or false',
};

function contextProblem(context: Record<string, unknown>, file: string): string | undefined {
  for (const [key, value] of Object.entries(context)) {
    const valid = FIELDS[key];
    if (!valid) return `The context file ${file} has an unknown field "${key}"; the fields are ${Object.keys(FIELDS).join(', ')}.`;
    if (!valid(value)) return `In the context file ${file}, "${key}" must be ${SHAPES[key] ?? 'a string'}.`;
  }
  return undefined;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options ? `${options}\n\n` : ''}${USAGE}\n`);
    return options ? 2 : 0;
  }
  let context: DiagnosisContext = {};
  if (options.contextFile) {
    const read = readContext(options.contextFile);
    if (typeof read === 'string') {
      process.stderr.write(`${read}\n`);
      return 2;
    }
    context = read;
  }
  const missing = `Give the failure text as an argument or on standard input.\n\n${USAGE}\n`;
  let text = options.text.join(' ');
  if (!text.trim()) {
    // An empty argument ("") or a terminal on standard input: nothing to explain, so say how to use it.
    if (options.text.length || process.stdin.isTTY) {
      process.stderr.write(missing);
      return 2;
    }
    text = await readStdin();
    if (!text.trim()) {
      process.stderr.write(missing);
      return 2;
    }
  }
  const diagnosis = diagnose(text, context);
  if (options.json) {
    const { kind, title, explanation, fixes } = diagnosis;
    process.stdout.write(`${JSON.stringify({ kind, title, explanation, fixes }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatDiagnosis(diagnosis)}\n`);
  }
  return diagnosis.kind === 'unknown' ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`explain failed: ${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
