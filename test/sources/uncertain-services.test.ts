import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UNKNOWN_MARK } from '../../src/model/source.js';
import { parseMasterCf } from '../../src/mta/postfix/master-cf.js';
import { plainScope } from '../../src/sources/contracts/variables.js';
import { markUncertain } from '../../src/sources/render/render-candidates.js';
import { jinja2 } from '../../src/sources/template-languages.js';

const U = UNKNOWN_MARK;
const FILE = 'roles/m/templates/master.cf.j2';

/** [name, template, variables, rendered master.cf after marking] */
const CASES: [string, string, Record<string, unknown>, string][] = [
  ['a service line from a loop over unknown data: an smtpd on an unknown host', '{% for s in l %}\n{{ s.name }} {{ s.type }} n - n - - {{ s.command }}\n{% endfor %}\n', {}, `${U}:${U} inet n - n - - smtpd -o ${U}=${U}\n`],
  ['a line that is only unknown output', '{{ service_lines }}\n', {}, `${U}:${U} inet n - n - - smtpd -o ${U}=${U}\n`],
  ['a known host:port with an unknown command keeps its host', '127.0.0.1:smtp inet n - n - - {{ cmd }}\n', {}, `127.0.0.1:smtp inet n - n - - smtpd -o ${U}=${U}\n`],
  ['a known unix service with unknown fields stays a unix service', 'pickup unix n - {{ c }} 60 1 pickup\n', {}, `pickup unix - - - - - ${U}\n`],
  ['unknown arguments become unknown overrides', 'smtp inet n - n - - smtpd {{ opts }}\n  -o {{ o }}\n', {}, `smtp inet n - n - - smtpd -o ${U}=${U}\n  -o ${U}=${U}\n`],
  ['known text is left alone', 'smtp inet n - n - - smtpd\n', {}, 'smtp inet n - n - - smtpd\n'],
];

test('master.cf lines with unknown fields are read as unknown services, never "bad field count"', async (t) => {
  for (const [name, template, vars, expected] of CASES) {
    await t.test(name, () => {
      const rendered = jinja2.render({ path: FILE, text: template }, plainScope(vars));
      const marked = markUncertain(rendered, 'master.cf', template);
      assert.equal(marked.fragment.text, expected);
      const parsed = parseMasterCf({ path: FILE, text: marked.fragment.text, role: 'master.cf' });
      assert.deepEqual(parsed.diagnostics, []);
    });
  }
});

test('the rewritten service maps to its template line', () => {
  const template = '# x\n{% for s in l %}\n{{ s.name }} {{ s.type }} n - n - - {{ s.command }}\n{% endfor %}\n';
  const marked = markUncertain(jinja2.render({ path: FILE, text: template }, plainScope({})), 'master.cf', template);
  assert.deepEqual(marked.fragment.map.start(2, 1), { line: 3, column: 1 });
});
