// The action's entry (action.yml `main: dist/index.js`). Thin on purpose: it
// binds the real @actions/core, the event and octokit to runAction, which
// does everything and is tested with fakes.
//
// event-path.js comes first: it must be evaluated before @actions/github
// (imported by octokit.js) reads the event payload at load time.
import { restoreEventPath } from './github/event-path.js';
import * as core from '@actions/core';
import { runContext } from './github/event.js';
import { githubApi } from './github/octokit.js';
import { runAction } from './github/run.js';
import { scan } from './scan.js';

restoreEventPath();

void runAction({
  core: {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    setSecret: (secret) => core.setSecret(secret),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
  },
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  context: () => runContext(process.env),
  github: githubApi,
  scan,
  cwd: process.cwd(),
}).catch((e: unknown) => {
  // runAction reports its own failures; this only catches a failure to report one.
  core.setOutput('result', 'error');
  core.setFailed(`relaygate: internal error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
});
