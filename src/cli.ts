// The CLI's entry (dist/cli/index.js, package.json `bin`). Everything it does
// is in src/cli/, where tests can call it; this file only binds it to the
// process. No top-level await: the bundle must not depend on the bundler
// supporting it.
//
// `relaygate --version` needs no engine: it is answered before the engine's
// modules (nearly all of the bundle, which the bundler splits into a chunk
// loaded by the import below) are read and compiled, so it costs about what
// starting node costs.
import { internalErrorText, wantsDebug } from './cli/internal-error.js';
import { VERSION } from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`relaygate ${VERSION}\n`);
} else {
  import('./cli/process.js').then(
    ({ runProcess }) => runProcess(argv),
    (error: unknown) => {
      // The engine could not be loaded (a damaged install): exit 2, never 1 ("findings").
      process.stderr.write(internalErrorText(error, wantsDebug(argv, process.env)));
      process.exitCode = 2;
    },
  );
}
