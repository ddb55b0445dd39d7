// The real smtpd's relay decision, as an oracle.
//
// `smtpd -S` run by root reads a session on stdin in "stand-alone" mode,
// and stand-alone mode skips every smtpd_*_restrictions check at RCPT time
// (smtpd.c: `if (SMTPD_STAND_ALONE(state) == 0 && (err = smtpd_check_rcpt(...)))`)
// and refuses XCLIENT. smtpd is stand-alone only when its uid is not
// mail_owner, so here it runs as the postfix user: it then reads the
// session on stdin like a connection from the master, checks every
// restriction, accepts XCLIENT from smtpd_authorized_xclient_hosts (the
// stdin peer counts as localhost[127.0.0.1]), and needs two services in
// its queue directory:
//   - private/rewrite: the real trivial-rewrite, started by a master(8)
//     whose master.cf holds that one unix service (it listens on nothing
//     but that socket, in a temporary queue directory);
//   - public/cleanup: a socket of ours. smtpd connects to it right after it
//     accepts the first recipient (smtpd_delay_open_until_valid_rcpt), so a
//     connection there means "recipient accepted"; the session is then killed.
// Nothing touches /etc or the system queue: MAIL_CONFIG is a temporary
// directory whose main.cf is the configuration under test plus
// queue_directory and data_directory lines pointing into it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { requireProgram } from './oracle.js';

export const POSTFIX_LIBEXEC = '/usr/lib/postfix/sbin';

export interface OracleSession {
  address: string;
  name: string;
  helo: string | null;
  sender: string;
  recipient: string;
}

export type OracleVerdict = 'accepted' | 'refused' | 'refuses-to-start' | 'failed';

export interface OracleResult {
  verdict: OracleVerdict;
  /** The SMTP replies and smtpd's log lines, for failure messages. */
  transcript: string;
}

interface Ids {
  uid: number;
  gid: number;
}

function postfixIds(): Ids | null {
  const uid = spawnSync('id', ['-u', 'postfix'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postfix'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * true when the relay oracle can run: smtpd, master and trivial-rewrite are
 * installed, the postfix user exists, and this process is root (to start
 * smtpd as mail_owner). Otherwise skips (or, with RELAYGATE_REQUIRE_ORACLES=1, fails).
 */
export function requireRelayOracle(t: TestContext): boolean {
  for (const program of ['smtpd', 'master', 'trivial-rewrite']) {
    if (!requireProgram(t, path.join(POSTFIX_LIBEXEC, program))) return false;
  }
  const why = process.getuid?.() !== 0 ? 'the relay oracle runs smtpd as the postfix user and needs root' : postfixIds() === null ? 'no postfix user' : null;
  if (why === null) return true;
  if (process.env.RELAYGATE_REQUIRE_ORACLES === '1') throw new Error(`${why}, and RELAYGATE_REQUIRE_ORACLES=1 requires the oracle`);
  t.skip(`${why}: relay oracle test skipped`);
  return false;
}

const live = new Set<ChildProcess>();
const stopping = new Set<Promise<void>>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.on('close', () => live.delete(child));
  return child;
}

function waitFor(test: () => boolean, ms: number): Promise<boolean> {
  const started = Date.now();
  return new Promise((resolve) => {
    const poll = (): void => {
      if (test()) resolve(true);
      else if (Date.now() - started > ms) resolve(false);
      else setTimeout(poll, 5);
    };
    poll();
  });
}

/** One configuration directory with a master running trivial-rewrite for it. */
export class RelayOracle {
  private cleanup: net.Server | null = null;
  private onCleanup: (() => void) | null = null;

  private constructor(
    readonly dir: string,
    private readonly ids: Ids,
    private readonly master: ChildProcess,
    private readonly log: () => string,
  ) {}

  static async start(mainCf: string): Promise<RelayOracle> {
    const ids = postfixIds();
    if (ids === null) throw new Error('no postfix user');
    const dir = mkdtempSync(path.join(tmpdir(), 'relaygate-relay-'));
    chmodSync(dir, 0o755);
    const queue = path.join(dir, 'queue');
    const data = path.join(dir, 'data');
    const separator = mainCf === '' || mainCf.endsWith('\n') ? '' : '\n';
    writeFileSync(path.join(dir, 'main.cf'), `${mainCf}${separator}queue_directory = ${queue}\ndata_directory = ${data}\n`);
    writeFileSync(path.join(dir, 'master.cf'), 'rewrite unix - - n - - trivial-rewrite\n');
    const past = new Date(Date.now() - 10_000);
    for (const f of ['main.cf', 'master.cf']) {
      chmodSync(path.join(dir, f), 0o644);
      utimesSync(path.join(dir, f), past, past);
    }
    for (const sub of ['public', 'private', 'pid']) mkdirSync(path.join(queue, sub), { recursive: true });
    mkdirSync(data);
    for (const d of [queue, path.join(queue, 'public'), path.join(queue, 'private'), data]) chownSync(d, ids.uid, ids.gid);
    chmodSync(queue, 0o755);
    let log = '';
    const master = track(
      spawn(path.join(POSTFIX_LIBEXEC, 'master'), ['-d', '-c', dir], {
        env: { MAIL_CONFIG: dir, PATH: '/usr/bin:/bin:/usr/sbin:/sbin' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    master.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    master.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const oracle = new RelayOracle(dir, ids, master, () => log);
    // master refuses main.cf values trivial-rewrite or master itself cannot use: then no socket appears.
    await waitFor(() => existsSync(path.join(queue, 'private', 'rewrite')) || master.exitCode !== null, 5000);
    const cleanupPath = path.join(queue, 'public', 'cleanup');
    oracle.cleanup = net.createServer((socket) => {
      oracle.onCleanup?.();
      socket.destroy();
    });
    await new Promise<void>((resolve) => oracle.cleanup?.listen(cleanupPath, resolve));
    chmodSync(cleanupPath, 0o666);
    return oracle;
  }

  /** Runs one SMTP session as `session`, with `overrides` as smtpd -o options. */
  async session(session: OracleSession, overrides: readonly string[] = []): Promise<OracleResult> {
    const args = [
      '-S', '-V',
      '-o', 'local_recipient_maps=',
      '-o', 'smtpd_authorized_xclient_hosts=127.0.0.1',
      '-o', 'smtpd_client_connection_count_limit=0',
      '-o', 'smtpd_peername_lookup=no',
      // Errors of class software (an unknown restriction) mail a transcript to the postmaster through cleanup.
      '-o', 'notify_classes=',
      ...overrides.flatMap((o) => ['-o', o]),
    ];
    const child = track(
      spawn(path.join(POSTFIX_LIBEXEC, 'smtpd'), args, {
        uid: this.ids.uid,
        gid: this.ids.gid,
        env: { MAIL_CONFIG: this.dir, PATH: '/usr/bin:/bin' },
        stdio: ['pipe', 'pipe', 'pipe'],
      }),
    );
    let out = '';
    let err = '';
    let accepted = false;
    const commands = [
      `XCLIENT ADDR=${session.address} NAME=${session.name} REVERSE_NAME=${session.name}`,
      ...(session.helo === null ? [] : [`EHLO ${session.helo}`]),
      `MAIL FROM:<${session.sender}>`,
      `RCPT TO:<${session.recipient}>`,
    ];
    let rcptReply: string | null = null;
    let sent = 0;
    let replies = 0;
    const finish = new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.onCleanup = () => {
      // Only a connection made while RCPT TO awaits its reply is the queue file opening for an accepted recipient.
      if (sent === commands.length && rcptReply === null) accepted = true;
      child.kill('SIGKILL');
    };
    child.stdin?.on('error', () => undefined);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      // smtpd sleeps a second after a fatal error; the message is all we need.
      if (/ fatal: /.test(err)) setTimeout(() => child.kill('SIGKILL'), 50);
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      // A complete reply ends with a line "NNN text"; count them and answer the next command.
      const complete = out.split('\r\n').filter((l) => /^\d{3} /.test(l));
      while (replies < complete.length) {
        const line = complete[replies] ?? '';
        replies++;
        // The greeting, then one reply per command (XCLIENT answers with a new greeting).
        if (sent < commands.length) {
          child.stdin?.write(`${commands[sent]}\r\n`);
          sent++;
        } else if (rcptReply === null) {
          rcptReply = line;
          child.stdin?.end('QUIT\r\n');
        }
      }
    });
    await finish;
    this.onCleanup = null;
    const transcript = `${out}\n${err}`;
    if (accepted) return { verdict: 'accepted', transcript };
    if (/specify at least one working instance|fatal: /.test(err) && replies === 0) return { verdict: 'refuses-to-start', transcript };
    if (rcptReply !== null && /^[45]/.test(rcptReply)) return { verdict: 'refused', transcript };
    return { verdict: 'failed', transcript: `${transcript}\n(master log: ${this.log()})` };
  }

  /**
   * Stops the master. master(8) takes a second to exit after SIGTERM; the
   * directory is removed once it has, and `drain()` waits for every stop.
   */
  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.cleanup ? this.cleanup.close(() => resolve()) : resolve()));
    const master = this.master;
    const dir = this.dir;
    const stopped = new Promise<void>((resolve) => {
      const done = (): void => {
        rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (master.exitCode !== null || master.signalCode !== null) return done();
      const timer = setTimeout(() => master.kill('SIGKILL'), 5000);
      master.on('close', () => {
        clearTimeout(timer);
        done();
      });
      master.kill('SIGTERM');
    });
    stopping.add(stopped);
    void stopped.then(() => stopping.delete(stopped));
  }

  /** Waits until every stopped master has exited and its directory is gone. */
  static async drain(): Promise<void> {
    await Promise.all([...stopping]);
  }
}
