/**
 * @actions/github builds its `context` while its module is evaluated: it
 * reads GITHUB_EVENT_PATH and JSON.parses it, so a malformed payload throws
 * before any code of the action runs, as a stack trace without an `::error`
 * line. main.ts imports this module before anything else (ES modules are
 * evaluated in import order), so the path is out of the environment while
 * that eager read happens; main.ts puts it back, and runContext reads the
 * payload itself inside the action's guarded run.
 */
export const EVENT_PATH: string | undefined = process.env.GITHUB_EVENT_PATH;
delete process.env.GITHUB_EVENT_PATH;

/** Puts GITHUB_EVENT_PATH back once every module is loaded. */
export function restoreEventPath(): void {
  if (EVENT_PATH !== undefined) process.env.GITHUB_EVENT_PATH = EVENT_PATH;
}
