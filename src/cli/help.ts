import { FAIL_ON_VALUES, INDETERMINATE_VALUES } from '../config/options.js';
import { FORMATS } from '../report/index.js';
import { PROFILE_IDS } from '../rules/profiles.js';

/** `relaygate --help`: the contract of DESIGN.md "CLI", plus how paths are read. */
export const HELP = `Usage: relaygate [options] [path...]

Finds Postfix and sendmail configuration and reports where mail relaying is
not restricted (DISA STIG GEN004710 and its successors).

Paths:
  relaygate              scans the current directory
  relaygate DIR          scans DIR; DIR is the scan root
  relaygate PATH...      a file or several paths: the current directory is the
                         scan root and only these paths are scanned
  Reported paths are relative to the scan root.

Options:
  --format FORMAT        ${FORMATS.join('|')} (default text)
  --output FILE          write the report to FILE instead of standard output
  --config FILE          settings file (default: .relaygate.yml at the scan root, if present)
  --profile PROFILE      ${PROFILE_IDS.join('|')} (default gen004710)
  --fail-on LEVEL        ${FAIL_ON_VALUES.join('|')}: the lowest level that fails (default error)
  --indeterminate LEVEL  ${INDETERMINATE_VALUES.join('|')}: level of results that depend
                         on values relaygate could not resolve (default warning)
  --include GLOB         also scan files matching GLOB (repeatable; relative to the scan root)
  --exclude GLOB         leave out files matching GLOB (repeatable; relative to the scan root)
  --vars FILE            extra template variables, YAML or JSON (repeatable)
  --baseline FILE        an earlier JSON report: findings recorded there do not fail
  --changed FILE         newline-separated changed paths (relative to the current
                         directory): report only the findings of configurations
                         with one of them among their inputs
  --base DIR             with --changed: the scan root as it was at the commit the
                         changed paths are relative to (a git worktree of it), so
                         files a change stopped taking in stay in scope
  --debug                print the stack trace of an internal error (also RUNNER_DEBUG=1)
  -h, --help             show this help
  --version              show the version

Flags override .relaygate.yml. In that file, vars and baseline paths are relative
to the file; on the command line, FILE arguments are relative to the current directory.

Exit status:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  bad usage or configuration, or the scan could not complete (an internal
     error is one line: relaygate: internal error: ...)
`;
