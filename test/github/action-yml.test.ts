import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { readInputs } from '../../src/github/inputs.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface ActionYml {
  name: string;
  description: string;
  author: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as ActionYml;

describe('action.yml', () => {
  it('runs dist/index.js on node24, with branding', () => {
    assert.deepEqual(action.runs, { using: 'node24', main: 'dist/index.js' });
    assert.deepEqual(action.branding, { icon: 'shield', color: 'red' });
    assert.equal(action.name, 'relaygate');
    assert.ok(action.description.length > 0 && action.author.length > 0);
  });

  it('declares exactly the inputs readInputs reads, each with a description and a default', () => {
    const read: string[] = [];
    readInputs((name) => {
      read.push(name);
      return '';
    });
    assert.deepEqual(Object.keys(action.inputs).sort(), [...new Set(read)].sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok((input.description ?? '').length > 10, `${name}: description`);
      assert.equal(typeof input.default, 'string', `${name}: default`);
    }
  });

  it('has the contract defaults', () => {
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
    assert.deepEqual(defaults, {
      path: '.',
      config: '',
      // Empty so that .relaygate.yml can set them; the effective defaults are gen004710, error, warning.
      profile: '',
      'fail-on': '',
      indeterminate: '',
      include: '',
      exclude: '',
      vars: '',
      baseline: '',
      scope: 'auto',
      annotations: 'auto',
      review: 'none',
      sarif: '',
      category: '',
      summary: 'true',
      token: '${{ github.token }}',
    });
  });

  it('declares every output the action sets, each with a description', () => {
    assert.deepEqual(Object.keys(action.outputs).sort(), ['errors', 'findings', 'report-file', 'result', 'sarif-file', 'warnings']);
    for (const [name, output] of Object.entries(action.outputs)) assert.ok((output.description ?? '').length > 3, name);
  });
});
