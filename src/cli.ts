// The CLI's entry (dist/cli/index.js, package.json `bin`). Everything it does
// is in src/cli/run.ts, where tests can call it; this file only binds it to
// the process. No top-level await: the bundle must not depend on the bundler
// supporting it. process.exitCode (not process.exit) lets stdout drain into a pipe.
import { runCli } from './cli/run.js';

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((status) => {
  process.exitCode = status;
});
