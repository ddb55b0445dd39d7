/**
 * Differential test: relaygate's restricted Jinja2 renderer against Python's
 * Jinja2 (a SandboxedEnvironment, run only here, on generated templates and
 * data of our own). For every template Jinja2 accepts we must accept it; for
 * every one it rejects we must reject it; where we claim a fully known
 * rendering (no unknown mark, no uncertain line) it must equal Jinja2's, and
 * where part is unknown the known text around it must still match.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { plainScope } from '../../src/sources/contracts/variables.js';
import { renderJinja2 } from '../../src/sources/languages/jinja2/index.js';
import { DEFAULT_LIMITS } from '../../src/sources/languages/pieces.js';
import { generateCase, SYNTAX_CASES, type JinjaCase } from '../helpers/jinja2-generator.js';
import { haveProgram, requireOracle } from '../helpers/oracle.js';

const PYTHON = String.raw`
import json, sys
from jinja2 import TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment
out = []
for case in json.load(sys.stdin):
    env = SandboxedEnvironment(trim_blocks=case["trim"], keep_trailing_newline=True)
    try:
        template = env.from_string(case["template"])
    except TemplateSyntaxError as e:
        out.append({"rejected": e.lineno})
        continue
    try:
        out.append({"text": template.render(**case["data"])})
    except Exception as e:
        out.append({"error": type(e).__name__})
json.dump(out, sys.stdout)
`;

type Verdict = { rejected: number } | { text: string } | { error: string };

function jinja2Available(): boolean {
  if (!haveProgram('python3')) return false;
  return spawnSync('python3', ['-c', 'import jinja2.sandbox'], { encoding: 'utf8' }).status === 0;
}

function runJinja2(cases: JinjaCase[]): Verdict[] {
  const result = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Verdict[];
}

function ours(c: JinjaCase) {
  return renderJinja2('main.cf.j2', c.template, plainScope(c.data), { trimBlocks: c.trim, limits: DEFAULT_LIMITS });
}

/** Our text with each unknown mark as "any text", as a linear pattern over escaped literals. */
function matchesWithUnknowns(ourText: string, theirs: string): boolean {
  const parts = ourText.split(UNKNOWN_MARK);
  if (!theirs.startsWith(parts[0] as string)) return false;
  let at = (parts[0] as string).length;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as string;
    const last = i === parts.length - 1;
    if (last) return theirs.length - part.length >= at && theirs.endsWith(part);
    const found = theirs.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return at === theirs.length;
}

const GENERATED = 600;

test('generated templates: accepted, rejected and rendered as Python Jinja2 does', (t) => {
  if (!requireOracle(t, 'python3-jinja2', jinja2Available())) return;
  const cases = Array.from({ length: GENERATED }, (_, i) => generateCase(1000 + i));
  const verdicts = runJinja2(cases);
  const counts = { exact: 0, partlyUnknown: 0, uncertainBranches: 0, engineError: 0 };
  cases.forEach((c, i) => {
    const theirs = verdicts[i] as Verdict;
    const mine = ours(c);
    const context = `case ${i}:\n${c.template}\ndata ${JSON.stringify(c.data)}`;
    if ('rejected' in theirs) {
      assert.notDeepEqual(mine.diagnostics, [], `Jinja2 rejects at line ${theirs.rejected}, we accept: ${context}`);
      return;
    }
    assert.deepEqual(mine.diagnostics, [], `Jinja2 accepts, we reject: ${context}`);
    if ('error' in theirs) {
      counts.engineError++;
      return;
    }
    const text = mine.fragment.text;
    if (mine.fragment.maybeLines.size > 0 || mine.fragment.alternatives.length > 0) {
      counts.uncertainBranches++;
      return;
    }
    if (text.includes(UNKNOWN_MARK)) {
      counts.partlyUnknown++;
      assert.ok(matchesWithUnknowns(text, theirs.text), `known text differs from Jinja2's ${JSON.stringify(theirs.text)}: ours ${JSON.stringify(text)}\n${context}`);
      return;
    }
    counts.exact++;
    assert.equal(text, theirs.text, context);
  });
  t.diagnostic(`jinja2 oracle: ${GENERATED} templates, ${counts.exact} rendered exactly, ${counts.partlyUnknown} partly unknown (known text matches), ${counts.uncertainBranches} with uncertain branches, ${counts.engineError} that Jinja2 itself fails at run time`);
  // The claimed subset must be most of the corpus, or the test proves little.
  assert.ok(counts.exact >= GENERATED / 2, JSON.stringify(counts));
});

test('syntax: relaygate rejects exactly the templates Jinja2 rejects', (t) => {
  if (!requireOracle(t, 'python3-jinja2', jinja2Available())) return;
  const cases = SYNTAX_CASES.map((template) => ({ template, data: {}, trim: true }));
  const verdicts = runJinja2(cases);
  cases.forEach((c, i) => {
    const theirs = verdicts[i] as Verdict;
    const mine = ours(c);
    if ('rejected' in theirs) assert.notDeepEqual(mine.diagnostics, [], `Jinja2 rejects ${JSON.stringify(c.template)}`);
    else assert.deepEqual(mine.diagnostics, [], `Jinja2 accepts ${JSON.stringify(c.template)}`);
  });
});
