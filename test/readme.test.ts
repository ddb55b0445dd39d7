import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { replaceRulesTable } from '../src/docs/rules-table.js';
import { VERSION } from '../src/version.js';

describe('README and package metadata', () => {
  it('has the rule table generated from the rules metadata (run `npm run readme` after changing a rule)', () => {
    const readme = readFileSync('README.md', 'utf8');
    assert.equal(replaceRulesTable(readme), readme);
  });

  it('names the same test command as .ci/run', () => {
    const readme = readFileSync('README.md', 'utf8');
    const ci = readFileSync('.ci/run', 'utf8');
    assert.match(readme, /npm ci && npm test/);
    assert.match(ci, /npm test/);
  });

  it('keeps src/version.ts equal to package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    assert.equal(VERSION, pkg.version);
  });
});
