// The action's entry (action.yml `main: dist/index.js`). Thin on purpose: it
// binds the real @actions/core, the event context and octokit to runAction,
// which does everything and is tested with fakes.
import * as core from '@actions/core';
import { runContext } from './github/event.js';
import { pullsOctokit } from './github/octokit.js';
import { runAction } from './github/run.js';
import { scan } from './scan.js';

void runAction({
  core: {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
  },
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  context: runContext,
  octokitFor: pullsOctokit,
  scan,
  cwd: process.cwd(),
}).catch((e: unknown) => {
  // runAction reports its own failures; this only catches a failure to report one.
  core.setFailed(`relaygate: internal error: ${e instanceof Error ? e.message : String(e)}`);
});
