import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

describe('.pre-commit-hooks.yaml', () => {
  it('declares one hook that runs the committed CLI bundle (the package bin), scanning the whole repository', () => {
    const hooks = parse(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Record<string, unknown>[];
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    assert.equal(hooks.length, 1);
    const hook = hooks[0]!;
    assert.equal(hook['id'], 'relaygate');
    // `script`: pre-commit runs the file from the hook repository as it is, installing nothing.
    assert.equal(hook['language'], 'script');
    assert.equal(hook['pass_filenames'], false);
    assert.equal(hook['always_run'], true);
    assert.equal(hook['entry'], pkg.bin['relaygate']);
    assert.equal(readFileSync(String(hook['entry']), 'utf8').split('\n')[0], '#!/usr/bin/env node');
    // script hooks need the executable bit in git.
    const mode = spawnSync('git', ['ls-files', '-s', String(hook['entry'])], { encoding: 'utf8' }).stdout.split(' ')[0];
    assert.equal(mode, '100755');
  });
});
