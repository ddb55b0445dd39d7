import { visible } from '../report/escape.js';

/**
 * Whether an internal error also prints its stack: `--debug` anywhere on the
 * command line (read raw, so it works even when the arguments cannot be
 * parsed), or RUNNER_DEBUG=1 (GitHub's "debug logging" re-run).
 */
export function wantsDebug(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return argv.includes('--debug') || env.RUNNER_DEBUG === '1';
}

/** `relaygate: internal error: …`, one line; the stack after it only when debugging. */
export function internalErrorText(error: unknown, debug: boolean): string {
  const line = `relaygate: internal error: ${visible(describe(error, 'message'))}\n`;
  const stack = debug && error instanceof Error ? describe(error, 'stack') : '';
  return stack === '' ? line : `${line}${stack}\n`;
}

/**
 * The error's message or stack. Whatever was thrown must not make the report
 * of it throw in turn (a getter that throws, an object without a prototype
 * that String() cannot convert).
 */
function describe(error: unknown, what: 'message' | 'stack'): string {
  try {
    if (error instanceof Error) return String(error[what] ?? '');
    return what === 'message' ? String(error) : '';
  } catch {
    return what === 'message' ? 'an error that cannot be printed' : '';
  }
}
