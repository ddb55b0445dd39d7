import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { OptionsError } from '../../src/config/options.js';
import { readInputs, splitList } from '../../src/github/inputs.js';

/** Sets INPUT_* as the runner does (name upper-cased, hyphens kept) and restores the environment after each test. */
let saved: Record<string, string | undefined> = {};
function setInputs(inputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(inputs)) {
    const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    if (!(key in saved)) saved[key] = process.env[key];
    process.env[key] = value;
  }
}

function inputError(inputs: Record<string, string>): string {
  setInputs(inputs);
  try {
    readInputs();
  } catch (e) {
    assert.ok(e instanceof OptionsError, `expected an OptionsError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected the inputs to be refused');
}

describe('readInputs (through @actions/core getInput)', () => {
  beforeEach(() => {
    saved = {};
    // A clean slate: no INPUT_* from the test runner's own environment.
    for (const key of Object.keys(process.env)) {
      if (key.startsWith('INPUT_')) {
        saved[key] = process.env[key];
        delete process.env[key];
      }
    }
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('gives the action.yml defaults when nothing is set; unset settings stay absent so .relaygate.yml applies', () => {
    assert.deepEqual(readInputs(), {
      path: '.',
      config: null,
      settings: {},
      scope: 'auto',
      annotations: 'auto',
      review: 'none',
      sarif: null,
      category: '',
      summary: true,
      token: '',
    });
  });

  it('reads every input, trimming values and splitting lists', () => {
    setInputs({
      path: ' infra ',
      config: 'ci/relaygate.yml',
      profile: 'RHEL9',
      'fail-on': 'warning',
      indeterminate: 'ignore',
      include: 'images/**/*.cf\nroles/*/templates/main.cf.j2',
      exclude: 'vendor/**, third_party/**',
      vars: 'group_vars/all.yml',
      baseline: 'relaygate-baseline.json',
      scope: 'new',
      annotations: 'checks',
      review: 'suggestions',
      sarif: 'out/relaygate.sarif',
      category: ' relaygate-images ',
      summary: 'false',
      token: 'ghs_x',
    });
    assert.deepEqual(readInputs(), {
      path: 'infra',
      config: 'ci/relaygate.yml',
      settings: {
        profile: 'rhel9',
        failOn: 'warning',
        indeterminate: 'ignore',
        include: ['images/**/*.cf', 'roles/*/templates/main.cf.j2'],
        exclude: ['vendor/**', 'third_party/**'],
        vars: ['group_vars/all.yml'],
        baseline: 'relaygate-baseline.json',
      },
      scope: 'new',
      annotations: 'checks',
      review: 'suggestions',
      sarif: 'out/relaygate.sarif',
      category: 'relaygate-images',
      summary: false,
      token: 'ghs_x',
    });
  });

  it('accepts True/FALSE for summary as YAML 1.2 core spells them', () => {
    setInputs({ summary: 'True' });
    assert.equal(readInputs().summary, true);
    setInputs({ summary: 'FALSE' });
    assert.equal(readInputs().summary, false);
  });

  const cases: [Record<string, string>, string][] = [
    [{ 'fail-on': 'sometimes' }, 'input fail-on: "sometimes" is not one of error, warning, note, never'],
    [{ indeterminate: 'pass' }, 'input indeterminate: "pass" is not one of error, warning, note, ignore'],
    [{ profile: 'stig' }, 'input profile: "stig" is not one of gen004710, rhel6, rhel7, rhel8, rhel9, rhel10'],
    [{ scope: 'diff' }, 'input scope: "diff" is not one of auto, all, changed, new'],
    [{ review: 'comments' }, 'input review: "comments" is not one of none, suggestions'],
    [{ annotations: 'checkrun' }, 'input annotations: "checkrun" is not one of auto, checks, commands, none'],
    [{ summary: 'yes' }, 'input summary: "yes" is not one of true, false'],
  ];
  for (const [inputs, message] of cases) {
    it(`refuses ${JSON.stringify(inputs)}, naming the input and the accepted values`, () => {
      assert.equal(inputError(inputs), message);
    });
  }
});

describe('splitList', () => {
  it('splits on newlines and commas, trims, drops empty items', () => {
    assert.deepEqual(splitList('a/**\n\n  b/*.cf ,c\r\nd,'), ['a/**', 'b/*.cf', 'c', 'd']);
    assert.deepEqual(splitList(''), []);
    assert.deepEqual(splitList(' , \n'), []);
  });

  it('keeps a comma inside braces: it belongs to the glob', () => {
    assert.deepEqual(splitList('**/{main,master}.cf, mail/*.{mc,cf}'), ['**/{main,master}.cf', 'mail/*.{mc,cf}']);
  });

  it('an unbalanced brace does not swallow the next line', () => {
    assert.deepEqual(splitList('a/{b\nc,d'), ['a/{b', 'c', 'd']);
  });
});
