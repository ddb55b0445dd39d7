import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PostconfRun {
  status: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], program = 'postconf', env?: NodeJS.ProcessEnv, input?: string): Promise<PostconfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], ...(env ? { env } : {}) });
    if (input !== undefined) child.stdin?.end(input);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/**
 * Writes main.cf and master.cf into a fresh directory and runs postconf
 * -c DIR with each argument list. The files get an mtime 10 s in the past:
 * postconf otherwise waits ~1.5 s for a "hot" file to cool down.
 */
export async function postconfOn(mainCf: string, masterCf: string, argLists: string[][]): Promise<PostconfRun[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-postconf-'));
  try {
    const past = new Date(Date.now() - 10_000);
    for (const [name, text] of [['main.cf', mainCf], ['master.cf', masterCf]] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      utimesSync(file, past, past);
    }
    const results: PostconfRun[] = [];
    for (const args of argLists) results.push(await run(['-c', dir, ...args]));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** postconf prints a value's whitespace runs as one space (pcf_print_line). */
export function collapse(value: string): string {
  return value.split(/[ \t\r\n\v\f]+/).filter((w) => w !== '').join(' ');
}

/** `name = value` lines of postconf output. */
export function parsePostconfLines(stdout: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const eq = line.indexOf(' =');
    if (eq <= 0) continue;
    map.set(line.slice(0, eq), line.slice(eq + 2).replace(/^ /, ''));
  }
  return map;
}

/** Raw built-in defaults (postconf -d), read once. */
let defaults: Promise<Map<string, string>> | null = null;
export function postconfDefaults(): Promise<Map<string, string>> {
  defaults ??= run(['-d']).then((r) => parsePostconfLines(r.stdout));
  return defaults;
}

export const SMTPD = '/usr/lib/postfix/sbin/smtpd';
/** smtpd's startup refusal when no relay restriction is in force. */
export const SMTPD_REFUSAL = 'specify at least one working instance of';

export interface PostfixRuns {
  postconf: PostconfRun;
  /** The further postconf runs asked for, in order. */
  more: PostconfRun[];
  /** smtpd's stdout and stderr. */
  smtpdOutput: string;
  /** smtpd's first `fatal:` line, or null when it started (or refused only for the relay restriction). */
  smtpdFatal: string | null;
  /** smtpd refused to start for lack of a relay restriction. */
  smtpdRefused: boolean;
}

/**
 * postconf -c DIR -n, then smtpd's startup check (reference/mta-semantics.md,
 * "Oracles") with the `-o` overrides of master.cf's first smtpd service passed
 * as smtpd's own -o: `echo QUIT | MAIL_CONFIG=DIR smtpd -S -V -o local_recipient_maps=`.
 */
export async function postfixRuns(mainCf: string, masterCf: string, more: (postconfN: PostconfRun) => string[][] = () => []): Promise<PostfixRuns> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-postfix-'));
  try {
    const past = new Date(Date.now() - 10_000);
    for (const [name, text] of [['main.cf', mainCf], ['master.cf', masterCf]] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, text);
      utimesSync(file, past, past);
    }
    const postconf = await run(['-c', dir, '-n']);
    const extra: PostconfRun[] = [];
    for (const args of postconf.status === 0 ? more(postconf) : []) extra.push(await run(['-c', dir, ...args]));
    const service = masterCf.split('\n').find((l) => /^\S+\s+inet\s.*\ssmtpd(\s|$)/.test(l)) ?? '';
    const overrides = [...service.matchAll(/-o\s+(\S+)/g)].map((m) => m[1] ?? '');
    const args = ['-S', '-V', '-o', 'local_recipient_maps=', ...overrides.flatMap((o) => ['-o', o])];
    const smtpd = await run(args, SMTPD, { ...process.env, MAIL_CONFIG: dir }, 'QUIT\r\n');
    const output = smtpd.stdout + smtpd.stderr;
    const refused = output.includes(SMTPD_REFUSAL);
    const fatalLine = output.split('\n').find((l) => l.includes('fatal:')) ?? null;
    return { postconf, more: extra, smtpdOutput: output, smtpdFatal: refused ? null : fatalLine, smtpdRefused: refused };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
