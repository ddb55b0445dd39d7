import { scan } from '../scan.js';
import { internalErrorText, wantsDebug } from './internal-error.js';
import { EXIT_USAGE, runCli, type ScanFn } from './run.js';
import type { WorkerMessage } from './worker-messages.js';

/** Where a run's text and status go: the process's own streams, or the worker's port. */
interface Sink {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The run's status; `now`: an escaped error, end at once. */
  exit(status: number, now: boolean): void;
}

/**
 * Runs the CLI and binds it to `sink`. An error that escapes every handler
 * (an exception thrown from a callback, a promise rejected with nobody
 * waiting for it) would make Node print a stack and exit 1, which means
 * "findings": a gate must never read a crash as a verdict. Such an error is
 * one line and exit 2, even after the status (a crash after the report is
 * still a crash).
 */
function bind(argv: readonly string[], sink: Sink, engine: ScanFn): void {
  const env = process.env;
  const debug = wantsDebug(argv, env);
  const fail = (error: unknown): void => {
    sink.stderr(internalErrorText(error, debug));
    sink.exit(EXIT_USAGE, true);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  runCli(argv, { cwd: process.cwd(), env, stdout: (text) => sink.stdout(text), stderr: (text) => sink.stderr(text) }, engine).then(
    (status) => sink.exit(status, false),
    fail,
  );
}

/**
 * Binds the CLI to this process. An escaped error ends the process at once:
 * on Linux writes to a pipe, a file or a terminal are synchronous, so exiting
 * right after the write loses nothing already written. A status is
 * process.exitCode, not process.exit: stdout drains into a pipe first.
 */
export function runProcess(argv: readonly string[], engine: ScanFn = scan): void {
  bind(
    argv,
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      exit: (status, now) => {
        if (now) process.exit(status);
        process.exitCode = status;
      },
    },
    engine,
  );
}

/**
 * The same, in the worker thread the CLI's entry starts (src/cli.ts): what
 * the scan writes and its status go to `port` as messages, which the entry
 * writes to the process's streams in order and turns into the exit code.
 */
export function runInThread(argv: readonly string[], port: { postMessage(message: WorkerMessage): void } | null, engine: ScanFn = scan): void {
  const send = (message: WorkerMessage): void => port?.postMessage(message);
  bind(
    argv,
    {
      stdout: (text) => send({ kind: 'stdout', text }),
      stderr: (text) => send({ kind: 'stderr', text }),
      exit: (status) => send({ kind: 'status', status }),
    },
    engine,
  );
}
