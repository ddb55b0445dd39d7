// Exim and OpenSMTPD as test oracles. Installing either Debian package would
// replace postfix as the system MTA, so .ci/run unpacks them (apt-get
// download + dpkg -x) into .oracles/root; these helpers run them from there.
// Exim runs under nss_wrapper (Debian's build needs its Debian-exim user) with
// its spool and logs in a temporary folder; nothing outside it is written.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..', '.oracles');
const LIB = path.join(ROOT, 'root/usr/lib/x86_64-linux-gnu');

export const EXIM = path.join(ROOT, 'root/usr/sbin/exim4');
export const SMTPD = path.join(ROOT, 'root/usr/sbin/smtpd');
/** Debian's update-exim4.conf and the exim4-config files it reads. */
export const UPDATE_EXIM4_CONF = path.join(ROOT, 'root/usr/sbin/update-exim4.conf');
export const EXIM4_CONFIG_DIR = path.join(ROOT, 'root/etc/exim4');

function runnable(program: string): boolean {
  if (!existsSync(program)) return false;
  if (program === EXIM) return existsSync(path.join(ROOT, 'nss/passwd')) && existsSync(path.join(LIB, 'libnss_wrapper.so'));
  return true;
}

/**
 * For oracle tests: true when the unpacked program is there. When it is
 * not, skips the test with a visible message, unless
 * RELAYGATE_REQUIRE_ORACLES=1 (CI), where a missing oracle fails.
 */
export function requireUnpacked(t: TestContext, program: string): boolean {
  if (runnable(program)) return true;
  const name = path.basename(program);
  if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') {
    throw new Error(`${name} is not unpacked in .oracles/ (run .ci/run), and RELAYGATE_REQUIRE_ORACLES=1 requires it`);
  }
  t.skip(`${name} not unpacked in .oracles/ (.ci/run does it): oracle test skipped`);
  return false;
}

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

export function oracleEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    LD_LIBRARY_PATH: LIB,
    LD_PRELOAD: path.join(LIB, 'libnss_wrapper.so'),
    NSS_WRAPPER_PASSWD: path.join(ROOT, 'nss/passwd'),
    NSS_WRAPPER_GROUP: path.join(ROOT, 'nss/group'),
  };
}

export function run(program: string, args: string[], input: string, env: NodeJS.ProcessEnv = oracleEnv()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/**
 * Exim's own configuration check and an SMTP session as if from `client`
 * (`exim4 -C FILE -bV`, `exim4 -C FILE -bh CLIENT`). spool_directory and
 * log_file_path are prepended (Exim refuses a main option set twice, so the
 * configuration under test must not set them).
 */
export interface EximVerdict {
  /** Did `-bV` accept the configuration? */
  valid: boolean;
  /** The first error line of -bV, when it did not. */
  error: string;
  /** The reply to RCPT TO (e.g. "250 Accepted", "550 relay not permitted"); '' when there was none. */
  rcpt: string;
}

export async function eximCheck(
  config: string,
  client: string | null,
  recipient = 'b@example.net',
  sender = 'a@example.org',
  /** Debian's configuration sets spool_directory from the SPOOLDIR macro. */
  debian = false,
): Promise<EximVerdict> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-exim-'));
  // Exim gives up root for parts of the session: its user must reach the spool.
  chmodSync(dir, 0o755);
  try {
    const file = path.join(dir, 'exim.conf');
    mkdirSync(path.join(dir, 'spool'));
    const prefix = debian ? `SPOOLDIR = ${dir}/spool\n` : `spool_directory = ${dir}/spool\n`;
    writeFileSync(file, `${prefix}log_file_path = ${dir}/%slog\n${config}`);
    const check = await run(EXIM, ['-C', file, '-bV'], '');
    const valid = check.status === 0;
    const error = valid ? '' : (check.stderr.split('\n').find((l) => /error|unknown|missing|malformed/i.test(l)) ?? check.stderr.split('\n')[0] ?? '').trim();
    if (!valid || client === null) return { valid, error, rcpt: '' };
    const dialogue = `EHLO client.example.org\r\nMAIL FROM:<${sender}>\r\nRCPT TO:<${recipient}>\r\nQUIT\r\n`;
    const session = await run(EXIM, ['-C', file, '-bh', client], dialogue);
    const replies = session.stdout.split(/\r?\n/).filter((l) => /^\d{3} /.test(l));
    // 220 greeting, EHLO's last line, MAIL, RCPT, QUIT.
    const rcpt = replies.length >= 4 ? (replies[3] as string) : '';
    return { valid, error, rcpt };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Debian's update-exim4.conf on a folder holding exim4-config's own
 * conf.d/ and exim4.conf.template and the given update-exim4.conf.conf:
 * the configuration it writes (`-d DIR -o FILE`). The script reads two files
 * by absolute path, /etc/mailname and /etc/exim4/exim4.conf.localmacros; the
 * copy run here reads them from the temporary folder instead. `extra`
 * files are written over the package's (a conf.d fragment of a repository).
 */
export async function updateExim4Conf(confConf: string, extra: Readonly<Record<string, string>> = {}): Promise<{ status: number; config: string; stderr: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-ue4c-'));
  try {
    const confdir = path.join(dir, 'exim4');
    cpSync(EXIM4_CONFIG_DIR, confdir, { recursive: true });
    writeFileSync(path.join(confdir, 'update-exim4.conf.conf'), confConf);
    // Files added to the packaged ones (a conf.d fragment), by their path under /etc/exim4.
    for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(confdir, name), text);
    writeFileSync(path.join(dir, 'mailname'), 'mail.example.org\n');
    const script = readFileSync(UPDATE_EXIM4_CONF, 'utf8')
      .replaceAll('/etc/mailname', path.join(dir, 'mailname'))
      .replaceAll('/etc/exim4/exim4.conf.localmacros', path.join(dir, 'no-localmacros'));
    const scriptFile = path.join(dir, 'update-exim4.conf');
    writeFileSync(scriptFile, script, { mode: 0o755 });
    const output = path.join(dir, 'out', 'config.autogenerated');
    mkdirSync(path.dirname(output));
    const result = await run('/bin/sh', [scriptFile, '-d', confdir, '-o', output], '');
    const config = result.status === 0 ? readFileSync(output, 'utf8') : '';
    return { status: result.status, config, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** OpenSMTPD's configuration check (`smtpd -n -f FILE`): exit 0 and "configuration OK", or the errors. */
export async function smtpdCheck(config: string): Promise<{ valid: boolean; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-smtpd-'));
  try {
    const file = path.join(dir, 'smtpd.conf');
    writeFileSync(file, config, { mode: 0o600 });
    const result = await run(SMTPD, ['-n', '-f', file], '', { PATH: process.env.PATH ?? '/usr/bin:/bin', LD_LIBRARY_PATH: LIB });
    return { valid: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
