// The CLI's entry (dist/cli/index.js, package.json `bin`). Everything it does
// is in src/cli/, where tests can call it; this file only binds it to the
// process. No top-level await: the bundle must not depend on the bundler
// supporting it.
import { runProcess } from './cli/process.js';

runProcess(process.argv.slice(2));
