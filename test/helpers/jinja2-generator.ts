/**
 * Random Jinja2 templates and data for the differential test against
 * Python's Jinja2: the subset relaygate claims to evaluate (names, dotted
 * and indexed lookups, literals including nested dicts, the builtin filters
 * and tests of src/sources/languages/jinja2/, str and dict methods,
 * operators, if/elif/else, for/else with `loop`, set, whitespace control,
 * comments and raw blocks).
 */
import { Random } from './random.js';

export interface JinjaCase {
  template: string;
  data: Record<string, unknown>;
  trim: boolean;
}

const STRINGS = ['mx.example.test', 'all', ' loopback-only ', "it's", 'a,b,,c', 'Hello World', '', 'x"y', 'tab\there', 'ünïcode'];

function data(r: Random): Record<string, unknown> {
  return {
    s1: r.pick(STRINGS),
    s2: r.pick(STRINGS),
    n1: r.int(20) - 5,
    n2: r.int(7) + 1,
    b1: r.chance(0.5),
    z1: null,
    l1: [r.pick(STRINGS), r.pick(STRINGS), 'smtpd'],
    l2: [r.int(9), r.int(9), r.int(9)],
    l0: [],
    d1: { k: r.pick(STRINGS), n: r.int(5), inner: { deep: r.pick(STRINGS) }, list: ['p', 'q'] },
    d0: {},
    services: [
      { name: 'smtp', type: 'inet', command: 'smtpd' },
      { name: r.pick(['submission', '127.0.0.1:smtp', 'pickup']), type: r.pick(['inet', 'unix', 'fifo']), command: r.pick(['smtpd', 'pickup']) },
    ],
  };
}

const STRING_EXPR = ['s1', 's2', 'd1.k', "d1['k']", 'd1.inner.deep', 'l1[0]', 'l1[-1]', "'lit'", '"dq\'s"', "'a' ~ 'b'"];
const NUMBER_EXPR = ['n1', 'n2', 'd1.n', 'l2[1]', '3', '0', '-2', 'l1 | length', 's1 | length'];
const LIST_EXPR = ['l1', 'l2', 'l0', 'd1.list', "['x', 'y']", '[1, [2, 3]]', 's1.split(\',\')', 's1.split()', "services | map(attribute='name') | list", 'd1.keys() | list'];
const DICT_EXPR = ['d1', 'd0', "{'a': {'b': 1}}", "{'k': 'v', 'n': [1, 2]}", 'd1.inner'];
const ANY_EXPR = ['b1', 'z1', 'u1', 'd1.missing', 'true', 'none', 'False'];

function stringExpr(r: Random, depth: number): string {
  const base = r.pick(STRING_EXPR);
  if (depth <= 0) return base;
  switch (r.int(12)) {
    case 0:
      return `${base} | upper`;
    case 1:
      return `${base} | lower`;
    case 2:
      return `${base} | replace('a', 'A')`;
    case 3:
      return `${base}.lstrip(' m')`;
    case 4:
      return `${base}.strip()`;
    case 5:
      return `${base} | trim`;
    case 6:
      return `${listExpr(r, depth - 1)} | join(', ')`;
    case 7:
      return `${base} | capitalize`;
    case 8:
      return `(${anyExpr(r, depth - 1)}) | default('dflt')`;
    case 9:
      return `${stringExpr(r, depth - 1)} ~ ${numberExpr(r, depth - 1)}`;
    case 10:
      return `${base}.replace('l', '', 1)`;
    default:
      return `(${stringExpr(r, depth - 1)} if ${boolExpr(r, depth - 1)} else ${stringExpr(r, depth - 1)})`;
  }
}

function numberExpr(r: Random, depth: number): string {
  const base = r.pick(NUMBER_EXPR);
  if (depth <= 0) return base;
  switch (r.int(7)) {
    case 0:
      return `(${base} + ${numberExpr(r, depth - 1)})`;
    case 1:
      return `(${base} - ${numberExpr(r, depth - 1)})`;
    case 2:
      return `(${base} * ${numberExpr(r, depth - 1)})`;
    case 3:
      return `(${base} // n2)`;
    case 4:
      return `(${base} % n2)`;
    case 5:
      return `(${stringExpr(r, 0)} | int)`;
    default:
      return `${listExpr(r, depth - 1)} | length`;
  }
}

function listExpr(r: Random, depth: number): string {
  const base = r.pick(LIST_EXPR);
  if (depth <= 0) return base;
  switch (r.int(4)) {
    case 0:
      return `${base} + ['z']`;
    case 1:
      return `(${base} | list)`;
    default:
      return base;
  }
}

const TESTS = ['defined', 'undefined', 'string', 'mapping', 'sequence', 'number', 'none', 'boolean', 'eq(1)', "in(['all', 'smtpd'])", 'odd', 'even', 'iterable', 'true', 'false'];

function boolExpr(r: Random, depth: number): string {
  const leaf = (): string => {
    switch (r.int(9)) {
      case 0:
        return `${anyExpr(r, 0)} is ${r.chance(0.3) ? 'not ' : ''}${r.pick(TESTS)}`;
      case 1:
        return `${stringExpr(r, 0)} == ${stringExpr(r, 0)}`;
      case 2:
        return `${numberExpr(r, 0)} < ${numberExpr(r, 0)}`;
      case 3:
        return `${stringExpr(r, 0)} in ${listExpr(r, 0)}`;
      case 4:
        return `'k' in ${r.pick(DICT_EXPR)}`;
      case 5:
        return `${numberExpr(r, 0)} is ${r.pick(['odd', 'even', 'number', 'integer', 'divisibleby(3)'])}`;
      case 6:
        return `${stringExpr(r, 0)}.startswith('m')`;
      case 7:
        return `b1`;
      default:
        return `${listExpr(r, 0)}`;
    }
  };
  if (depth <= 0) return leaf();
  switch (r.int(5)) {
    case 0:
      return `(${leaf()} and ${boolExpr(r, depth - 1)})`;
    case 1:
      return `(${leaf()} or ${boolExpr(r, depth - 1)})`;
    case 2:
      return `not ${leaf()}`;
    case 3:
      return `${leaf()} != ${leaf()}`;
    default:
      return leaf();
  }
}

function anyExpr(r: Random, depth: number): string {
  switch (r.int(6)) {
    case 0:
      return stringExpr(r, depth);
    case 1:
      return numberExpr(r, depth);
    case 2:
      return listExpr(r, depth);
    case 3:
      return r.pick(DICT_EXPR);
    case 4:
      return boolExpr(r, depth);
    default:
      return r.pick(ANY_EXPR);
  }
}

function open(r: Random): string {
  return r.chance(0.15) ? '{%-' : '{%';
}
function close(r: Random): string {
  const roll = r.int(10);
  return roll === 0 ? '-%}' : roll === 1 ? '+%}' : '%}';
}

function block(r: Random, depth: number, inLoop: boolean): string {
  let out = '';
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const roll = depth <= 0 ? r.int(4) : r.int(9);
    switch (roll) {
      case 0:
        out += `${r.pick(['myhostname', 'inet_interfaces', 'mynetworks'])} = {{ ${anyExpr(r, 2)} }}\n`;
        break;
      case 1:
        out += `text ${r.int(100)} {{${r.chance(0.2) ? '-' : ''} ${stringExpr(r, 1)} ${r.chance(0.2) ? '-' : ''}}}\n`;
        break;
      case 2:
        out += r.chance(0.5) ? `{# note ${r.int(9)} #}\nplain line\n` : '{% raw %}{{ kept }}{% endraw %}\n';
        break;
      case 3:
        out += inLoop ? '{{ loop.index }}/{{ loop.length }}{{ "," if not loop.last }}\n' : `{{ ${r.pick(DICT_EXPR)} }}\n`;
        break;
      case 4:
      case 5: {
        out += `${open(r)} if ${boolExpr(r, 2)} ${close(r)}\n${block(r, depth - 1, inLoop)}`;
        if (r.chance(0.4)) out += `${open(r)} elif ${boolExpr(r, 1)} ${close(r)}\n${block(r, depth - 1, inLoop)}`;
        if (r.chance(0.5)) out += `${open(r)} else ${close(r)}\n${block(r, depth - 1, inLoop)}`;
        out += `${open(r)} endif ${close(r)}\n`;
        break;
      }
      case 6: {
        if (r.chance(0.5)) {
          out += `${open(r)} for s in services ${r.chance(0.3) ? "if s.type == 'inet' " : ''}${close(r)}\n{{ s.name }}  {{ s.type }}  n  -  n  -  -  {{ s.command }}\n${block(r, depth - 1, true)}`;
        } else {
          out += `${open(r)} for x in ${listExpr(r, 1)} ${close(r)}\nitem {{ x }}\n${block(r, depth - 1, true)}`;
        }
        if (r.chance(0.3)) out += `{% else %}\nempty\n`;
        out += `${open(r)} endfor ${close(r)}\n`;
        break;
      }
      case 7:
        if (r.chance(0.5)) out += `{% for k, v in ${r.pick(['d1', 'd0', "{'a': 1, 'b': [2]}"])}.items() %}\n{{ k }} = {{ v }}\n{% endfor %}\n`;
        else out += `{% for k in d1 %}{{ k }} {% endfor %}\n`;
        break;
      default:
        if (!inLoop) out += `{% set v${r.int(3)} = ${anyExpr(r, 1)} %}\n{{ v0 is defined }} {{ v1 | default('no') }}\n`;
        else out += 'in loop\n';
        break;
    }
  }
  return out;
}

export function generateCase(seed: number): JinjaCase {
  const r = new Random(seed);
  return { template: block(r, 3, false), data: data(r), trim: r.chance(0.6) };
}

/** Templates Jinja2 rejects, and near misses it accepts: the acceptance check. */
export const SYNTAX_CASES: string[] = [
  '{{ }}',
  '{{ a + }}',
  '{% if a %}x',
  '{% endif %}',
  '{% for x in %}{% endfor %}',
  '{% frobnicate %}',
  '{{ {\'a\': {\'b\': 1}} }}',
  '{{ {\'a\': {\'b\': {\'c\': [1, (2, 3)]}}} }}',
  '{{ {\'a\': 1}}}',
  '{{ (1, 2) }}',
  '{{ a[ }}',
  '{{ a) }}',
  '{{ \'unterminated }}',
  '{% set x = {\'k\': 1} %}{{ x.k }}',
  '{% if {\'a\': 1} %}y{% endif %}',
  '{{ x | default({}) }}',
  '{{ [1, 2}} }}',
  '{# open',
  '{% raw %}never closed',
  '{{ a is defined and b is not none }}',
  '{{ a if b }}',
  '{{ a if b else }}',
  '{% for a, b in c %}{% else %}{% endfor %}',
  '{% if a %}{% elif b %}{% else %}{% endif %}',
  '{% if a %}{% else %}{% elif b %}{% endif %}',
  '{{ 1 +  + 2 }}',
  '{{ not not a }}',
  '{{ a.0 }}',
  '{{ a.b.c[0][\'d\'] }}',
  '{{ "a" "b" }}',
  '{{ f(*a) }}',
  '{{ f(**k) }}',
  '{{ f(a, *b, k=1, **d) }}',
  '{{ f(k=1, *a) }}',
  '{{ f(*a, **k, ) }}',
  '{{ "[{}]/{}".format(*n.split("/")) }}',
  '{{ x | join(*a) }}',
  '{{ x is divisibleby(*a) }}',
  '{{ f(*a, b) }}',
  '{{ f(k=1, a) }}',
  '{{ f(*a, *b) }}',
  '{{ f(**k, *a) }}',
  '{{ f(**k, x=1) }}',
  '{{ f(**k, **j) }}',
  '{{ f(*) }}',
];
