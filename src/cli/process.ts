import { scan } from '../scan.js';
import { internalErrorText, wantsDebug } from './internal-error.js';
import { EXIT_USAGE, runCli, type ScanFn } from './run.js';
import type { WorkerMessage } from './worker-messages.js';

/**
 * Binds the CLI to this process. An error that escapes every handler (an
 * exception thrown from a callback, a promise rejected with nobody waiting
 * for it) would make Node print a stack and exit 1, which means "findings":
 * a gate must never read a crash as a verdict. Such an error ends the
 * process at once with exit 2 and one line. On Linux writes to a pipe, a
 * file or a terminal are synchronous, so exiting right after the write loses
 * nothing already written.
 */
export function runProcess(argv: readonly string[], engine: ScanFn = scan): void {
  const env = process.env;
  const debug = wantsDebug(argv, env);
  const fail = (error: unknown): void => {
    process.stderr.write(internalErrorText(error, debug));
    process.exit(EXIT_USAGE);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  runCli(
    argv,
    {
      cwd: process.cwd(),
      env,
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    },
    engine,
  ).then(
    // process.exitCode, not process.exit: stdout drains into a pipe first.
    (status) => {
      process.exitCode = status;
    },
    fail,
  );
}

/**
 * The same, in the worker thread the CLI's entry starts (src/cli.ts): what
 * the scan writes and its exit status go to `port` as messages, which the
 * entry writes to the process's streams in order. An escaped error is one
 * line and status 2, as above.
 */
export function runInThread(argv: readonly string[], port: { postMessage(message: WorkerMessage): void } | null, engine: ScanFn = scan): void {
  const send = (message: WorkerMessage): void => port?.postMessage(message);
  const env = process.env;
  const debug = wantsDebug(argv, env);
  let done = false;
  const finish = (status: number): void => {
    if (done) return;
    done = true;
    send({ kind: 'status', status });
  };
  const fail = (error: unknown): void => {
    if (done) return;
    send({ kind: 'stderr', text: internalErrorText(error, debug) });
    finish(EXIT_USAGE);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  runCli(
    argv,
    {
      cwd: process.cwd(),
      env,
      stdout: (text) => send({ kind: 'stdout', text }),
      stderr: (text) => send({ kind: 'stderr', text }),
    },
    engine,
  ).then(finish, fail);
}
