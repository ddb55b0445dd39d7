import { scan } from '../scan.js';
import { internalErrorText, wantsDebug } from './internal-error.js';
import { EXIT_USAGE, runCli, type ScanFn } from './run.js';

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
