import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Minimatch } from 'minimatch';
import { OptionsError } from '../../src/config/options.js';
import { Glob, GlobList, MAX_GLOB_CHARS, MAX_GLOBS } from '../../src/discover/glob.js';
import { runCliWithBudget } from '../helpers/budget.js';
import { Random } from '../helpers/random.js';
import { tree } from './tree.js';

const MINIMATCH = { dot: true, nocase: false, nonegate: true, nocomment: true, platform: 'linux' } as const;

function refusal(build: () => unknown): string {
  try {
    build();
  } catch (e) {
    assert.ok(e instanceof OptionsError, `expected an OptionsError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected the glob to be refused');
}

/** Random globs and paths over a small alphabet, so that they often match. */
function randomGlob(r: Random): string {
  const segments: string[] = [];
  for (let i = 0, n = 1 + r.int(4); i < n; i++) {
    if (r.chance(0.2)) {
      segments.push('**');
      continue;
    }
    let s = '';
    for (let k = 0, len = 1 + r.int(4); k < len; k++) {
      s += r.pick(['a', 'b', '.', '*', '*', '?', '[ab]', '[!a]', '{a,b}', '{x,.cf}', '@(a|bb)', '+(a)', '\\*']);
    }
    segments.push(s);
  }
  return segments.join('/');
}

function randomPath(r: Random): string {
  const segments: string[] = [];
  for (let i = 0, n = 1 + r.int(5); i < n; i++) {
    let s = '';
    for (let k = 0, len = 1 + r.int(5); k < len; k++) s += r.pick(['a', 'b', 'bb', '.', 'x', '.cf', '*']);
    segments.push(s === '.' || s === '..' ? 'a' : s);
  }
  return segments.join('/');
}

describe('Glob: minimatch semantics, linear-time matching', () => {
  it('agrees with minimatch on 20,000 random glob/path pairs', () => {
    const r = new Random(20240613);
    let matched = 0;
    for (let i = 0; i < 2000; i++) {
      const glob = randomGlob(r);
      const ours = new Glob(glob, 'include');
      const theirs = new Minimatch(glob, MINIMATCH);
      for (let k = 0; k < 10; k++) {
        const path = randomPath(r);
        const expected = theirs.match(path);
        assert.equal(ours.matches(path), expected, `${glob} vs ${path}`);
        if (expected) matched++;
      }
    }
    // The generator is useful only if a fair share of the pairs match.
    assert.ok(matched > 1000, `only ${matched} pairs matched`);
  });

  it('a list matches a path when a glob matches it or a folder above it (as minimatch on each prefix)', () => {
    const r = new Random(7);
    for (let i = 0; i < 2000; i++) {
      // A list reads a backslash as a folder separator (a Windows path), as before.
      const glob = randomGlob(r).replace(/\\/g, '');
      if (glob.startsWith('./')) continue; // read as the folder it names, as before
      const list = new GlobList([glob], 'include');
      const theirs = new Minimatch(glob, MINIMATCH);
      const path = randomPath(r);
      const parts = path.split('/');
      const expected = parts.some((_, n) => theirs.match(parts.slice(0, n + 1).join('/')));
      assert.equal(list.matches(path), expected, `${glob} vs ${path}`);
    }
  });

  it('reads a folder glob as everything under it; ./, / and a trailing / are the same folder', () => {
    const cases: [string, string, boolean][] = [
      ['roles/', 'roles/mail/templates/main.cf.j2', true],
      ['./roles', 'roles/mail/templates/main.cf.j2', true],
      ['/roles/mail', 'roles/mail/x.cf', true],
      ['roles/*/files', 'roles/mail/files/main.cf', true],
      ['roles/*/files', 'roles/mail/templates/main.cf', false],
      ['**/*.cf', 'a/b/c.cf', true],
      ['*.cf', 'a/c.cf', false],
      ['**', 'anything/at/all', true],
    ];
    for (const [glob, path, expected] of cases) assert.equal(new GlobList([glob], 'include').matches(path), expected, `${glob} vs ${path}`);
  });

  it('refuses a glob that is too long, expands too far, cannot run linearly, or a list that is too long', () => {
    assert.equal(
      refusal(() => new GlobList(['a'.repeat(MAX_GLOB_CHARS + 1)], 'include')),
      `include: glob "${'a'.repeat(80)}…" is ${MAX_GLOB_CHARS + 1} characters long, over the ${MAX_GLOB_CHARS}-character limit`,
    );
    const braces = '{a,b}'.repeat(9);
    assert.equal(refusal(() => new GlobList([braces], 'exclude')), `exclude: glob "${braces}" expands to more than 256 alternatives`);
    assert.equal(
      refusal(() => new GlobList(['roles/!(mail)/x.cf'], 'include')),
      'include: glob "roles/!(mail)/x.cf" uses syntax relaygate cannot match in linear time (a negated extglob "!(…)"?)',
    );
    assert.equal(refusal(() => new GlobList(Array.from({ length: MAX_GLOBS + 1 }, (_, i) => `d${i}/`), 'include')), `include: ${MAX_GLOBS + 1} globs, over the limit of ${MAX_GLOBS}`);
  });

  it('matches a backtracking pattern against a long name, and many ** against a deep path, at once', () => {
    const name = `${'a'.repeat(250)}.cf`;
    const started = Date.now();
    assert.equal(new Glob('*a*a*a*a*a*a*b', 'include').matches(name), false);
    assert.equal(new Glob('**/a/**/a/**/a/**/a/**/a/**/b', 'include').matches(`${'a/'.repeat(2000)}c`), false);
    assert.equal(new Glob('**/a/**/a/**/a/**/a/**/a/**/b', 'include').matches(`${'a/'.repeat(2000)}b`), true);
    // Not a timing test of the matcher (npm run bench is for that): a guard against the exponential case only.
    assert.ok(Date.now() - started < 5000);
  });
});

describe('hostile include globs through the CLI', () => {
  it("include: '*a*a*a*a*a*b' from .relaygate.yml against a long file name finishes, within budget", () => {
    const root = tree({
      '.relaygate.yml': "include: '*a*a*a*a*a*b'\n",
      [`${'a'.repeat(240)}.txt`]: 'x\n',
      'postfix/main.cf': 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n',
    });
    const r = runCliWithBudget(['--format', 'json', '.'], root, 20);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; line: number }[] }).findings.map((f) => [f.ruleId, f.file, f.line]),
      [['stig-postfix-relay', 'postfix/main.cf', 2]],
    );
    assert.ok(r.maxRssMiB < 300, `used ${r.maxRssMiB} MiB`);
  });

  it('a glob over the limits is exit 2 with one line naming the setting', () => {
    const root = tree({ '.relaygate.yml': "exclude: 'x/!(a)'\n" });
    const r = runCliWithBudget(['.'], root, 20);
    assert.deepEqual(
      [r.status, r.stdout, r.stderr],
      [2, '', 'relaygate: exclude: glob "x/!(a)" uses syntax relaygate cannot match in linear time (a negated extglob "!(…)"?)\n'],
    );
  });
});
