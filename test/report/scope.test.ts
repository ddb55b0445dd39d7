import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { buildReport } from '../../src/report/json.js';
import { scan } from '../../src/scan.js';
import { temporaryTrees } from '../helpers/temp-tree.js';

const tree = temporaryTrees('scope');
/** Open to the STIG rule only: a Postfix 3 that starts, whose relay list is the level's default. */
const OPEN = 'inet_interfaces = all\nsmtpd_client_restrictions = permit\ncompatibility_level = 3.6\n';

describe('the scope a scan reports', () => {
  it('counts the changed files, the configurations they touch and the findings left out', async () => {
    const root = tree({ 'a/main.cf': OPEN, 'b/main.cf': OPEN, 'c/main.cf': OPEN });
    const result = await scan({ ...defaultOptions(root), changed: ['a/main.cf', 'README.md'] });
    assert.deepEqual(result.findings.map((f) => f.file), ['a/main.cf']);
    assert.deepEqual(result.scope, { kind: 'changed', changedFiles: 2, configurationsTouched: 1, findingsHidden: 2 });
    assert.deepEqual(buildReport(result, 'error').scope, result.scope);
  });

  it('is null without a changed-file list, and the JSON report has no scope then', async () => {
    const result = await scan(defaultOptions(tree({ 'a/main.cf': OPEN })));
    assert.equal(result.scope, null);
    assert.equal('scope' in buildReport(result, 'error'), false);
  });
});
