import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArgs, UsageError } from '../../src/config/cli-args.js';

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (e) {
    assert.ok(e instanceof UsageError, `expected a UsageError, got ${String(e)}`);
    return e.message;
  }
  assert.fail(`expected ${JSON.stringify(argv)} to be refused`);
}

describe('parseCliArgs', () => {
  it('gives the contract defaults for an empty command line', () => {
    assert.deepEqual(parseCliArgs([]), {
      help: false,
      version: false,
      debug: false,
      format: 'text',
      output: null,
      config: null,
      changed: null,
      base: null,
      settings: {},
      paths: [],
    });
  });

  it('reads every flag, both --flag value and --flag=value', () => {
    const args = parseCliArgs([
      '--format=json', '--output', 'r.json', '--config', 'c.yml', '--profile', 'rhel8', '--fail-on', 'warning',
      '--indeterminate=ignore', '--include', 'a/**', '--include', 'b/*.cf', '--exclude', 'x/**', '--vars', 'v1.yml',
      '--vars=v2.json', '--baseline', 'base.json', '--changed', 'changed.txt', '--base', '../old', 'roles', 'images/root',
    ]);
    assert.deepEqual(args, {
      help: false,
      version: false,
      debug: false,
      format: 'json',
      output: 'r.json',
      config: 'c.yml',
      changed: 'changed.txt',
      base: '../old',
      settings: {
        profile: 'rhel8',
        failOn: 'warning',
        indeterminate: 'ignore',
        include: ['a/**', 'b/*.cf'],
        exclude: ['x/**'],
        vars: ['v1.yml', 'v2.json'],
        baseline: 'base.json',
      },
      paths: ['roles', 'images/root'],
    });
  });

  it('takes -h and --help, --version', () => {
    assert.equal(parseCliArgs(['-h']).help, true);
    assert.equal(parseCliArgs(['--help']).help, true);
    assert.equal(parseCliArgs(['--version']).version, true);
    assert.equal(parseCliArgs(['--debug', '.']).debug, true);
  });

  it('lets the last of a repeated single-valued flag win', () => {
    assert.equal(parseCliArgs(['--format', 'json', '--format', 'sarif']).format, 'sarif');
  });

  it('treats everything after -- as a path', () => {
    assert.deepEqual(parseCliArgs(['--', '--odd-dir']).paths, ['--odd-dir']);
  });

  it('accepts every format of the contract', () => {
    for (const f of ['text', 'json', 'sarif', 'markdown', 'github'] as const) assert.equal(parseCliArgs(['--format', f]).format, f);
  });
});

describe('parseCliArgs errors: one line naming the flag, the accepted values and --help', () => {
  const cases: [string[], string][] = [
    [['--format', 'xml'], '--format: "xml" is not one of text, json, sarif, markdown, github (see relaygate --help)'],
    [['--fail-on', 'critical'], '--fail-on: "critical" is not one of error, warning, note, never (see relaygate --help)'],
    [['--indeterminate', 'pass'], '--indeterminate: "pass" is not one of error, warning, note, ignore (see relaygate --help)'],
    [['--profile', 'rhel5'], '--profile: "rhel5" is not one of gen004710, rhel6, rhel7, rhel8, rhel9, rhel10 (see relaygate --help)'],
    [['--bogus'], 'unknown option --bogus (see relaygate --help)'],
    [['-x'], 'unknown option -x (see relaygate --help)'],
    [['--format'], '--format needs a value: one of text, json, sarif, markdown, github (see relaygate --help)'],
    [['--format='], '--format needs a value: one of text, json, sarif, markdown, github (see relaygate --help)'],
    [['--output', '--format', 'json'], '--output needs a value: a file path (see relaygate --help)'],
    [['--include'], '--include needs a value: a glob (see relaygate --help)'],
    [['--fail-on', '--profile', 'rhel8'], '--fail-on needs a value: one of error, warning, note, never (see relaygate --help)'],
    [['--help=yes'], '--help takes no value (see relaygate --help)'],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' '), () => assert.equal(usageError(argv), message));
  }
});
