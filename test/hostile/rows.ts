/**
 * The rows of the hostile-input table (./table.test.ts). Each is built here
 * from a few lines of generator, never stored as a big file.
 */
export interface HostileRow {
  /** The issue item the row covers. */
  item: string;
  name: string;
  files?: Record<string, string>;
  /** Files whose path has bytes that are not UTF-8: path parts (joined) and content. */
  byteFiles?: [Buffer[], string][];
  /** Link path -> target (`$ROOT` is the scan root). */
  symlinks?: Record<string, string>;
  /** Also write the known open relay (relay/postfix/main.cf); default true. */
  withRelay?: boolean;
  entry?: 'cli' | 'action';
  argv?: string[];
  env?: Record<string, string>;
  status: number;
  /** Exact findings [rule, file, line] besides the relay's (the JSON report on stdout). */
  findings?: [string, string, number][];
  stderr?: RegExp[];
  stdout?: RegExp[];
  seconds?: number;
  mib?: number;
  /** What the row shows, for the printed table. */
  outcome: string;
}

const BUDGET_NOTE = /note: .*evaluation budget exceeded/;
const I13 = '13';
const I6 = '6.4';

function lazyDefaults(levels: number): string {
  const lines = [];
  for (let i = 0; i < levels; i++) lines.push(`v${i}: "{{ v${i + 1} ~ v${i + 1} ~ v${i + 1} ~ v${i + 1} }}"`);
  lines.push(`v${levels}: "ab"`);
  return `${lines.join('\n')}\n`;
}

const TEMPLATE_TAIL = 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n';
const J2 = 'roles/m/templates/main.cf.j2';

/** A Jinja2 role template whose line 1 holds `expression`, opening the relay on lines 2-3. */
function jinjaLine(expression: string): Record<string, string> {
  return { [J2]: `myhostname = {{ ${expression} }}\n${TEMPLATE_TAIL}` };
}

function terraformLocals(levels: number): string {
  const lines = ['locals {', '  s0 = "ab"', '  l0 = ["a"]'];
  for (let i = 1; i <= levels; i++) lines.push(`  s${i} = "\${local.s${i - 1}}\${local.s${i - 1}}"`, `  l${i} = concat(local.l${i - 1}, local.l${i - 1})`);
  lines.push('}', 'resource "x" "y" {', `  user_data = templatefile("\${path.module}/main.cf.tftpl", { h = local.s${levels}, l = local.l${levels} })`, '}', '');
  return lines.join('\n');
}

/** A recipe whose template resource passes `node['c']['h'] + ...` (`count` terms, a 200 KB attribute) as `@h`. */
function chefRecipeDoubling(count: number): Record<string, string> {
  return {
    'cookbooks/c/metadata.rb': "name 'c'\n",
    'cookbooks/c/attributes/default.rb': `default['c']['h'] = '${'a'.repeat(200_000)}'\n`,
    'cookbooks/c/recipes/default.rb': `template '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\n  variables(h: ${Array(count).fill("node['c']['h']").join(' + ')})\nend\n`,
  };
}

const CHART = { 'chart/Chart.yaml': 'name: c\nversion: 1.0.0\n', 'chart/values.yaml': 'a: ab\nitems: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n' };
const TPL = 'chart/templates/main.cf.tpl';

function aliasBomb(): string {
  const lines = ['#cloud-config', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 0; i < 8; i++) {
    const name = String.fromCharCode(98 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
  }
  lines.push('write_files:', '  - path: /etc/postfix/main.cf', '    content: *i', '');
  return lines.join('\n');
}

export const ROWS: HostileRow[] = [
  // Issue 13: exponential or unbounded work
  {
    item: I13,
    name: 'Jinja2 lazy variables, 15 levels of four references',
    files: { 'roles/m/defaults/main.yml': lazyDefaults(15), ...jinjaLine('v0') },
    status: 1,
    findings: [['stig-postfix-relay', J2, 3]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note, template still judged (line 3)',
  },
  {
    item: I13,
    name: 'Jinja2 {% set x = x + x %} forty times',
    files: { [J2]: `{% set x = "ab" %}\n${'{% set x = x + x %}\n'.repeat(40)}myhostname = {{ x }}\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', J2, 44]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note, template judged',
  },
  {
    item: I13,
    name: 'ERB x = x + x forty times',
    files: { 'cookbooks/c/templates/default/main.cf.erb': `<% x = "ab" %>${'<% x = x + x %>'.repeat(40)}\nmyhostname = <%= x %>\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', 'cookbooks/c/templates/default/main.cf.erb', 4]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note, template judged',
  },
  {
    item: I13,
    name: 'EPP $x = $x + $x forty times',
    files: { 'modules/p/templates/main.cf.epp': `<% $x = ['ab'] -%>${'<% $x = $x + $x -%>'.repeat(40)}myhostname = <%= $x %>\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', 'modules/p/templates/main.cf.epp', 3]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note, template judged',
  },
  {
    item: I13,
    name: 'Chef recipe variables adding a 200 KB attribute forty times',
    files: {
      ...chefRecipeDoubling(40),
      'cookbooks/c/templates/default/main.cf.erb': `myhostname = <%= @h %>\n${TEMPLATE_TAIL}`,
    },
    status: 1,
    findings: [['stig-postfix-relay', 'cookbooks/c/templates/default/main.cf.erb', 3]],
    stderr: [/note: cookbooks\/c\/recipes\/default\.rb:1: evaluation budget exceeded/],
    outcome: 'budget note at the resource, template judged',
  },
  {
    item: I13,
    name: 'Terraform locals doubling strings and lists',
    files: { 'tf/main.tf': terraformLocals(40), 'tf/main.cf.tftpl': `myhostname = \${h}\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', 'tf/main.cf.tftpl', 3]],
    stderr: [/note: tf\/main\.tf:86: variables file could not be read \(evaluation budget exceeded/],
    outcome: 'note on the templatefile call, template judged',
  },
  {
    item: I13,
    name: 'Go template replace four-fold forty times',
    files: { ...CHART, [TPL]: `{{ $x := .Values.a }}${'{{ $x = replace "a" "aaaa" $x }}'.repeat(40)}\nmyhostname = {{ $x }}\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', TPL, 4]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note, template judged',
  },
  {
    item: I13,
    name: 'Go template printf doubling forty times',
    files: { ...CHART, [TPL]: `{{ $x := .Values.a }}${'{{ $x = printf "%s%s" $x $x }}'.repeat(40)}\nmyhostname = {{ $x }}\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', TPL, 4]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note, template judged',
  },
  {
    item: I13,
    name: 'Go template range chain (10^6 iterations of printf doubling)',
    files: { ...CHART, [TPL]: `{{ $x := .Values.a }}${'{{ range $.Values.items }}'.repeat(6)}{{ $x = printf "%s%s" $x $x }}${'{{ end }}'.repeat(6)}\nmyhostname = {{ $x }}\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', TPL, 4]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note (the loops stop on unknown data), template judged',
  },
  {
    item: I13,
    name: 'Go template list doubling forty times',
    files: { ...CHART, [TPL]: `{{ $x := list 1 }}${'{{ $x = list $x $x }}'.repeat(40)}\nmyhostname = {{ $x }}\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', TPL, 4]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note, template judged',
  },
  {
    item: I13,
    name: 'Jinja2 one replace, join and comment multiplying a 2^20-character value by itself',
    files: {
      [J2]: `{% set x = "b" %}${'{% set x = x ~ x %}'.repeat(20)}myhostname = {{ [${['x | replace("b", x)', 'x.replace("b", x)', 'x | join(x)', 'x | replace("b", "\\n") | comment(decoration=x)'].join(', ')}] | first }}\n${TEMPLATE_TAIL}`,
    },
    status: 1,
    findings: [['stig-postfix-relay', J2, 3]],
    stderr: [BUDGET_NOTE],
    outcome: 'budget note before the call is built, template judged',
  },
  // Issue 13: one hostile file aborts the whole scan
  ...(
    [
      ['deep parentheses', `${'('.repeat(20_000)}1${')'.repeat(20_000)}`],
      ['not not not ...', `${'not '.repeat(20_000)}1`],
      ['nested list literals', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
      ['nested inline if', `${'1 if 1 else '.repeat(20_000)}1`],
      ['a 50 000-term filter chain', `"a"${' | lower'.repeat(50_000)}`],
      ['a 50 000-term attribute chain', `a${'.b'.repeat(50_000)}`],
    ] as const
  ).map(
    ([name, expression]): HostileRow => ({
      item: I13,
      name: `Jinja2 ${name}`,
      files: jinjaLine(expression),
      status: 1,
      findings: [['config-unreadable', J2, 1]],
      stderr: [],
      outcome: 'config-unreadable at the template line (nested too deep)',
    }),
  ),
  {
    item: I13,
    name: 'Jinja2 a 50 000-term ~ chain (flat in Jinja2)',
    files: jinjaLine(`${'"a" ~ '.repeat(50_000)}"a"`),
    status: 1,
    findings: [['stig-postfix-relay', J2, 3]],
    outcome: 'rendered and judged',
  },
  {
    item: I13,
    name: "Terraform LimitReached in a .tf string (20 001-item for loop)",
    files: {
      'tf/main.tf': `locals {\n  items = split(",", "${'a,'.repeat(20_000)}a")\n  text = "%{ for x in local.items }\${x}%{ endfor }"\n}\nresource "x" "y" {\n  user_data = templatefile("\${path.module}/main.cf.tftpl", { h = local.text })\n}\n`,
      'tf/main.cf.tftpl': `myhostname = \${h}\n${TEMPLATE_TAIL}`,
    },
    status: 1,
    findings: [['stig-postfix-relay', 'tf/main.cf.tftpl', 3]],
    outcome: 'unknown value, template judged',
  },
  {
    item: I13,
    name: 'YAML nested 20 000 deep in a tasks file (V8 aborted in the yaml composer)',
    files: { 'roles/m/tasks/main.yml': `- name: x\n  lineinfile: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n` },
    status: 1,
    findings: [],
    outcome: 'refused unread (no mail hint: not a finding)',
  },
  {
    item: I13,
    name: 'YAML nested 20 000 deep in a role defaults file',
    files: { 'roles/m/defaults/main.yml': `v: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, ...jinjaLine('v') },
    status: 1,
    findings: [['stig-postfix-relay', J2, 3]],
    stderr: [/note: roles\/m\/defaults\/main\.yml:1: variables file could not be read \(YAML nested more than 1000 deep\)/],
    outcome: 'note, template judged with v unknown',
  },
  {
    item: I13,
    name: "glob '*a*a*a*a*a*a*b' against a long path",
    files: { '.relaygate.yml': "include: ['*a*a*a*a*a*a*b']\n", [`${'a'.repeat(200)}/main.cf`]: '# x\n' },
    status: 1,
    findings: [['stig-postfix-relay', `${'a'.repeat(200)}/main.cf`, 1]],
    outcome: 'linear match',
  },
  {
    item: I13,
    name: 'a 6 MB .relaygate.yml',
    files: { '.relaygate.yml': `include:\n${"  - 'x/**'\n".repeat(600_000)}` },
    status: 2,
    stderr: [/^relaygate: .*\.relaygate\.yml.*(larger|limit|bytes)/m],
    outcome: 'exit 2, one line naming the limit',
  },
  {
    item: I13,
    name: '--vars /dev/zero',
    files: { [J2]: `myhostname = {{ x }}\n${TEMPLATE_TAIL}` },
    argv: ['--format', 'json', '--vars', '/dev/zero', '.'],
    status: 2,
    stderr: [/^relaygate: vars: /m],
    outcome: 'exit 2, read up to the limit only',
  },
  {
    item: I13,
    name: 'a null baseline file',
    files: { 'baseline.json': 'null\n' },
    argv: ['--format', 'json', '--baseline', 'baseline.json', '.'],
    status: 2,
    stderr: [/^relaygate: baseline: \$ROOT\/baseline\.json is not a relaygate JSON report \(no "findings" array\)$/m],
    outcome: 'exit 2 naming the baseline',
  },
  {
    item: I13,
    name: 'a malformed GITHUB_EVENT_PATH payload (the action)',
    entry: 'action',
    files: { 'event.json': '{"pull_request": ' },
    argv: [],
    env: {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: '$ROOT',
      GITHUB_EVENT_PATH: '$ROOT/event.json',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'example/infra',
      GITHUB_API_URL: 'http://127.0.0.1:9',
      'INPUT_PATH': '.',
      'INPUT_ANNOTATIONS': 'none',
      'INPUT_SUMMARY': 'false',
    },
    status: 1,
    stdout: [/^::error::relaygate: GITHUB_EVENT_PATH: the event payload .* is not valid JSON/m],
    outcome: 'one ::error line, exit 1',
  },
  // Issue 6 part 4: hostile content that silences the gate
  {
    item: I6,
    name: "Chef attributes default['__proto__']['overlay']['touched'] = []",
    files: {
      'cookbooks/c/attributes/default.rb': "default['__proto__']['overlay']['touched'] = []\ndefault['constructor']['prototype']['x'] = 1\n",
      'cookbooks/c/templates/default/main.cf.erb': 'myhostname = <%= node["c"] %>\n',
    },
    status: 1,
    findings: [['stig-postfix-relay', 'cookbooks/c/templates/default/main.cf.erb', 1]],
    outcome: 'relay still reported (no prototype pollution)',
  },
  {
    item: I6,
    name: 'Chef role JSON default_attributes {"__proto__": {"overlay": ...}}',
    files: {
      'cookbooks/c/metadata.rb': "name 'c'\n",
      'cookbooks/c/templates/default/main.cf.erb': 'myhostname = <%= node["c"] %>\n',
      'roles/mail.json': '{"name": "mail", "default_attributes": {"__proto__": {"overlay": {"touched": []}}}}\n',
    },
    status: 1,
    findings: [['stig-postfix-relay', 'cookbooks/c/templates/default/main.cf.erb', 1]],
    outcome: 'relay still reported',
  },
  {
    item: I6,
    name: 'Ansible defaults with __proto__, constructor and prototype keys',
    files: {
      'roles/m/defaults/main.yml': '__proto__:\n  overlay: {touched: []}\nconstructor:\n  prototype: {overlay: 1}\nprototype: {overlay: 1}\n',
      ...jinjaLine('__proto__.overlay'),
    },
    status: 1,
    findings: [['stig-postfix-relay', J2, 3]],
    outcome: 'keys read as data, relay still reported',
  },
  {
    item: I6,
    name: 'Helm values.yaml with __proto__ and a values merge',
    files: { 'chart/Chart.yaml': 'name: c\nversion: 1.0.0\n', 'chart/values.yaml': '__proto__: {overlay: {touched: []}}\n', [TPL]: `myhostname = {{ .Values.__proto__ }}\n${TEMPLATE_TAIL}` },
    status: 1,
    findings: [['stig-postfix-relay', TPL, 3]],
    outcome: 'relay still reported',
  },
  {
    item: I6,
    name: 'Terraform locals { __proto__ = { overlay = ... } }',
    files: {
      'tf/main.tf': 'locals {\n  __proto__ = { overlay = { touched = [] } }\n  m = { "__proto__" = { overlay = 1 } }\n}\nresource "x" "y" {\n  user_data = templatefile("${path.module}/main.cf.tftpl", local.m)\n}\n',
      'tf/main.cf.tftpl': `myhostname = x\n${TEMPLATE_TAIL}`,
    },
    status: 1,
    findings: [['stig-postfix-relay', 'tf/main.cf.tftpl', 3]],
    outcome: 'relay still reported',
  },
  {
    item: I6,
    name: '--vars JSON with "__proto__": {"overlay": ...}',
    files: { 'vars.json': '{"__proto__": {"overlay": {"touched": []}}, "node": {"__proto__": {"overlay": 1}}}\n' },
    argv: ['--format', 'json', '--vars', 'vars.json', '.'],
    status: 1,
    findings: [],
    outcome: 'relay still reported',
  },
  {
    item: I6,
    name: '.relaygate.yml with a __proto__ key',
    files: { '.relaygate.yml': '__proto__:\n  fail-on: never\n' },
    status: 2,
    stderr: [/^relaygate: \.relaygate\.yml/m],
    outcome: 'exit 2: not a setting (never obeyed)',
  },
  {
    item: I6,
    name: 'ConfigMap data value written as an alias',
    files: { 'k8s/cm.yaml': 'kind: ConfigMap\nmetadata:\n  name: p\n  annotations:\n    t: &m |\n      inet_interfaces = all\n      smtpd_client_restrictions = permit\ndata:\n  main.cf: *m\n' },
    status: 1,
    findings: [['stig-postfix-relay', 'k8s/cm.yaml', 7]],
    outcome: 'judged at the anchor',
  },
  {
    item: I6,
    name: 'cloud-init write_files entry through a << merge',
    files: { 'cloud/user-data': '#cloud-config\nx: &e\n  path: /etc/postfix/main.cf\n  content: |\n    inet_interfaces = all\n    smtpd_client_restrictions = permit\nwrite_files:\n  - <<: *e\n' },
    status: 1,
    findings: [['stig-postfix-relay', 'cloud/user-data', 6]],
    outcome: 'judged at the anchor',
  },
  {
    item: I6,
    name: 'Ansible lineinfile: line through an alias',
    files: { 'roles/m/tasks/main.yml': "- x-line: &l 'smtpd_client_restrictions = permit'\n  lineinfile:\n    path: /etc/postfix/main.cf\n    line: *l\n" },
    status: 1,
    findings: [['stig-postfix-relay', 'roles/m/tasks/main.yml', 1]],
    outcome: 'judged at the anchor',
  },
  {
    item: I6,
    name: 'a YAML alias bomb in cloud-init user-data',
    files: { 'cloud/user-data': aliasBomb() },
    status: 1,
    findings: [['config-unreadable', 'cloud/user-data', 2]],
    outcome: 'config-unreadable (the yaml package bound), others judged',
  },
  {
    item: I6,
    name: 'a main.cf under a folder name that is not UTF-8',
    byteFiles: [[[Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from('/main.cf')], 'inet_interfaces = all\nsmtpd_client_restrictions = permit\n']],
    status: 1,
    findings: [['stig-postfix-relay', 'caf\\xe9/main.cf', 2]],
    outcome: 'judged under its escaped name',
  },
  {
    item: I6,
    name: '.relaygate.yml through a symlink out of the root',
    symlinks: { '.relaygate.yml': '$ROOT/..' },
    status: 2,
    stderr: [/^relaygate: .*\.relaygate\.yml is a symbolic link .*outside the scan root; not followed/m],
    outcome: 'exit 2 saying why',
  },
];
