import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PostconfRun {
  status: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<PostconfRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('postconf', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
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
