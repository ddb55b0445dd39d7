import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMATS, isFormat, render } from '../../src/report/index.js';
import { renderWorkflowCommands } from '../../src/report/github-commands.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { finding, report } from './fixture.js';

describe('render dispatcher', () => {
  const r = report([finding(), finding({ level: 'warning', line: 3, endLine: 3 })]);

  it('lists the formats of the CLI contract', () => {
    assert.deepEqual(FORMATS, ['text', 'json', 'sarif', 'markdown', 'github']);
    assert.equal(isFormat('sarif'), true);
    assert.equal(isFormat('junit'), false);
  });

  it('dispatches each format to its renderer, every output ending with a newline', () => {
    assert.equal(render('text', r), renderText(r));
    assert.equal(render('json', r), renderJson(r));
    assert.equal(render('sarif', r), renderSarif(r));
    assert.equal(render('markdown', r), renderMarkdown(r));
    const hint = { reportHint: 'the full report (relaygate --format text, json or sarif)' };
    assert.equal(render('github', r), `${renderWorkflowCommands(r, hint).join('\n')}\n`);
    for (const format of FORMATS) assert.ok(render(format, r).endsWith('\n'), format);
  });

  it('from the CLI, github points at the reports the CLI writes, not at a job summary it never writes', () => {
    const many = report(Array.from({ length: 12 }, (_, i) => finding({ line: i + 1, endLine: i + 1 })));
    const notice = render('github', many).trimEnd().split('\n').at(-1)!;
    assert.match(notice, /^::notice::relaygate found 12 findings .* See all of them in the full report \(relaygate --format text, json or sarif\)\.$/);
    assert.doesNotMatch(render('github', many), /job summary/);
  });

  it('prints nothing for github when there is nothing to annotate', () => {
    assert.equal(render('github', report([])), '');
  });
});
