import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Candidate } from '../../src/discover/index.js';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { registerHostFormat } from '../../src/sources/host-formats.js';
import { SourceMap, type Fragment } from '../../src/sources/contracts/fragment.js';
import { markMaybeParameters } from '../../src/sources/render/uncertain-parameters.js';
import { runSources } from '../../src/sources/stage.js';
import { extraction, link } from './replay/instances-helpers.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-stage-'));
after(() => rmSync(root, { recursive: true, force: true }));

describe('markMaybeParameters', () => {
  it('puts UNKNOWN_MARK after `=` on maybe lines and keeps the value mapped to its template column', () => {
    const text = 'a = 1\nsmtpd_client_restrictions = reject';
    const fragment: Fragment = {
      file: 't.j2',
      text,
      form: 'jinja2',
      map: new SourceMap([
        { line: 1, column: 1, endColumn: 7, kind: 'literal', from: { line: 1, column: 1 }, to: { line: 1, column: 1 } },
        { line: 2, column: 1, endColumn: 36, kind: 'literal', from: { line: 3, column: 1 }, to: { line: 3, column: 1 } },
      ]),
      maybeLines: new Set([2]),
      alternatives: [],
    };
    const marked = markMaybeParameters(fragment);
    assert.equal(marked.text, `a = 1\nsmtpd_client_restrictions = ${UNKNOWN_MARK}reject`);
    // `reject` now starts at rendered column 30; it still comes from template column 29.
    assert.deepEqual(marked.map.start(2, 30), { line: 3, column: 29 });
    assert.deepEqual(marked.map.start(2, 29), { line: 3, column: 29 });
    assert.deepEqual(marked.map.start(1, 5), { line: 1, column: 5 });
  });
});

describe('runSources', () => {
  it('a plain file linked by an edit is judged inside the instance only', async () => {
    // A fake format (registered last): cloud-init's real matcher does not claim this file.
    const unregister = registerHostFormat({
      form: 'cloud-init',
      matches: (p) => p === 'provision.fakehost',
      extract: () => extraction(link(2, 'main.cf', 'files/main.cf')),
    });
    try {
      const candidates: Candidate[] = [
        { path: 'provision.fakehost', kind: 'embedded', host: 'cloud-init', file: { path: 'provision.fakehost', text: 'copy files/main.cf to /etc/postfix/\n' } },
        { path: 'files/main.cf', kind: 'postfix', role: 'main.cf', file: { path: 'files/main.cf', text: 'inet_interfaces = all\n' } },
        { path: 'other/main.cf', kind: 'postfix', role: 'main.cf', file: { path: 'other/main.cf', text: 'inet_interfaces = all\n' } },
      ];
      const sources = await runSources(candidates, { root, vars: [] });
      assert.deepEqual(
        sources.configurations.map((c) => [c.mta, c.form, c.files.join(',')]),
        [
          ['postfix', 'plain', 'other/main.cf'],
          ['postfix', 'dockerfile', 'Dockerfile,files/main.cf'],
        ],
      );
      assert.deepEqual([...sources.files.keys()], ['provision.fakehost', 'files/main.cf', 'other/main.cf']);
      assert.deepEqual(sources.results, []);
    } finally {
      unregister();
    }
  });
});
