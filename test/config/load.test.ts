import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadOptions, shownPath } from '../../src/config/load.js';
import { OptionsError } from '../../src/config/options.js';

describe('loadOptions: defaults < .relaygate.yml < flags or inputs', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'relaygate-load-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function root(name: string, config?: string): string {
    const r = path.join(dir, name);
    mkdirSync(r, { recursive: true });
    if (config !== undefined) writeFileSync(path.join(r, '.relaygate.yml'), config);
    return r;
  }

  it('uses the built-in defaults without a file', async () => {
    const r = root('none');
    const { options, configFile } = await loadOptions({ root: r, paths: ['.'], config: null, overrides: {}, changed: null, cwd: r });
    assert.equal(configFile, null);
    assert.deepEqual(options, {
      root: r,
      paths: ['.'],
      profile: 'gen004710',
      failOn: 'error',
      indeterminate: 'warning',
      include: [],
      exclude: [],
      vars: [],
      baseline: null,
      changed: null,
      rules: {},
      configFile: null,
    });
  });

  it('reads .relaygate.yml at the root, and flags override it key by key', async () => {
    const r = root('layered', 'profile: rhel8\nfail-on: warning\nexclude: [vendor/**]\nbaseline: base.json\n');
    const { options, configFile } = await loadOptions({
      root: r,
      paths: ['roles'],
      config: null,
      overrides: { failOn: 'never', include: ['extra/*.cf'], profile: undefined },
      changed: ['roles/main.cf'],
      cwd: r,
    });
    assert.equal(configFile, path.join(r, '.relaygate.yml'));
    assert.deepEqual(options, {
      root: r,
      paths: ['roles'],
      profile: 'rhel8',
      failOn: 'never',
      indeterminate: 'warning',
      include: ['extra/*.cf'],
      exclude: ['vendor/**'],
      vars: [],
      baseline: path.join(r, 'base.json'),
      changed: ['roles/main.cf'],
      rules: {},
      configFile: path.join(r, '.relaygate.yml'),
    });
  });

  it('reads a file named explicitly instead of the default one', async () => {
    const r = root('explicit', 'profile: rhel8\n');
    writeFileSync(path.join(dir, 'other.yml'), 'profile: rhel6\n');
    const { options } = await loadOptions({
      root: r,
      paths: ['.'],
      config: { file: path.join(dir, 'other.yml'), setting: '--config' },
      overrides: {},
      changed: null,
      cwd: dir,
    });
    assert.equal(options.profile, 'rhel6');
  });

  it('refuses a named file that does not exist, naming the flag', async () => {
    const r = root('missing');
    await assert.rejects(
      loadOptions({ root: r, paths: ['.'], config: { file: path.join(r, 'nope.yml'), setting: '--config' }, overrides: {}, changed: null, cwd: r }),
      (e: unknown) => e instanceof OptionsError && e.message === '--config: cannot read nope.yml: no such file',
    );
  });

  it('names the default file by its path from the current directory in errors', async () => {
    const r = root('bad', 'fail-on: sometimes\n');
    await assert.rejects(
      loadOptions({ root: r, paths: ['.'], config: null, overrides: {}, changed: null, cwd: dir }),
      (e: unknown) =>
        e instanceof OptionsError && e.message === 'bad/.relaygate.yml:1:10: fail-on: "sometimes" is not one of error, warning, note, never',
    );
  });

  it('refuses an input config inside the workspace that links out of it (the action names repository files)', async () => {
    const r = root('action-link');
    writeFileSync(path.join(dir, 'outside.yml'), 'fail-on: never\n');
    mkdirSync(path.join(r, 'ci'));
    symlinkSync(path.join(dir, 'outside.yml'), path.join(r, 'ci', 'relaygate.yml'));
    await assert.rejects(
      loadOptions({ root: r, paths: ['.'], config: { file: path.join(r, 'ci/relaygate.yml'), setting: 'input config' }, overrides: {}, changed: null, cwd: r }),
      (e: unknown) =>
        e instanceof OptionsError &&
        e.message === `input config: ci/relaygate.yml is a symbolic link to ${path.join(dir, 'outside.yml')}, outside the scan root; not followed`,
    );
  });

  it('vars named outside the root by .relaygate.yml are not an error when inputs replace them', async () => {
    const r = root('replaced', 'vars: [../../elsewhere.yml]\n');
    const { options } = await loadOptions({ root: r, paths: ['.'], config: null, overrides: { vars: ['/opt/ci/vars.yml'] }, changed: null, cwd: r });
    assert.deepEqual(options.vars, ['/opt/ci/vars.yml']);
    await assert.rejects(
      loadOptions({ root: r, paths: ['.'], config: null, overrides: {}, changed: null, cwd: r }),
      (e: unknown) => e instanceof OptionsError && e.message.startsWith(`.relaygate.yml: vars: ${path.resolve(r, '../../elsewhere.yml')} is outside the scan root; `),
    );
  });

  it('shownPath keeps paths outside the current directory absolute', () => {
    assert.equal(shownPath('/a/b', '/a/b/c/d.yml'), 'c/d.yml');
    assert.equal(shownPath('/a/b', '/a/x.yml'), '/a/x.yml');
  });
});
