/**
 * Properties of every reader of scanned text, on generated input: the
 * template renderers (Jinja2, ERB, EPP, Go, Terraform, envsubst), the host
 * formats (cloud-init, Kubernetes and Helm, Ansible tasks, Dockerfile,
 * Packer, Terraform, kickstart, Salt states, Chef recipes, Puppet
 * manifests, shell scripts), and the mail servers' readers (Postfix main.cf
 * and master.cf, m4 over sendmail.mc, sendmail.cf, Exim, OpenSMTPD). For any text they
 * return data and diagnostics without throwing, and every position they
 * report (a diagnostic, a span, a source-map segment) is inside the file it
 * names.
 *
 * The texts mix the tokens each syntax is made of (tags, quotes, brackets,
 * `$`, newlines, mail parameter names, shell redirections) with arbitrary
 * Unicode, so that the generator reaches the parsers' branches and not only
 * their first error. The run count and seed are fixed (the same inputs on
 * every run); `npm run fuzz` runs many more (RELAYGATE_FUZZ_RUNS,
 * RELAYGATE_FUZZ_SEED).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assembleExim } from '../../src/mta/exim/index.js';
import { assembleOpenSmtpd } from '../../src/mta/opensmtpd/index.js';
import { assemblePostfix } from '../../src/mta/postfix/index.js';
import { assembleSendmail } from '../../src/mta/sendmail/index.js';
import type { SourceFile } from '../../src/model/source.js';
import type { Fragment } from '../../src/sources/contracts/fragment.js';
import { memoryRepository } from '../../src/sources/contracts/repository.js';
import { plainScope } from '../../src/sources/contracts/variables.js';
import { HOST_FORMATS } from '../../src/sources/host-formats.js';
import { LANGUAGES } from '../../src/sources/template-languages.js';

const RUNS = Number(process.env.RELAYGATE_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.RELAYGATE_FUZZ_SEED ?? 20_240_610);

const COMMON = ['\n', '\n', ' ', '  ', '\t', '\r', '\\', '#', '=', ',', ':', ';', '"', "'", '`', '(', ')', '[', ']', '{', '}', '|', '-', '.', '*', '&', '<<', '>'];
const MAIL = ['inet_interfaces', 'smtpd_client_restrictions', 'mynetworks', ' = ', 'permit', 'reject', 'all', 'permit_mynetworks', '$myhostname', '${x}', '$(y)', '-o ', 'smtp inet n - n - - smtpd', '127.0.0.1:smtp'];
const TOKENS: Record<string, string[]> = {
  jinja2: ['{% include "x.j2" %}', '{% import "m.j2" as m %}', '{% macro m() %}', '{% endmacro %}', '{{ x }}', '{{ y | join(", ") }}', '{% if x %}', '{% else %}', '{% endif %}', '{% for i in y %}', '{% endfor %}', '{% set x = x ~ x %}', '{{ a.b | default("loopback-only") }}', '{{', '}}', '{%', '%}', '{#', '#}', '{%-', '-%}', ' if ', ' else ', ' endif ', ' for x in ', ' endfor ', ' set ', ' ~ ', ' | default(', ' not ', ' is defined', 'raw', 'endraw', 'macro', 'x.y', "x['y']"],
  erb: ['<%= @x %>', "<%= node['a']['b'] %>", '<% if @x %>', '<% else %>', '<% end %>', '<% @y.each do |v| %>', '<%= v %>', '<%', '%>', '<%=', '<%-', '-%>', '<%#', '@x', "node['a']", ' if ', ' end', ' do |x|', '.each', ' + ', ' ? ', ' : ', 'unless', 'elsif', '.join(", ")', '%w(a b)', '"#{', '}"'],
  epp: ['<%= $x %>', '<% if $x { %>', '<% } else { %>', '<% } %>', '<% $y.each |$v| { %>', '<%= $v %>', '<%- | String $x = "a" | -%>', '<%', '%>', '<%=', '<%-', '-%>', '<%|', '|%>', '$x', '$::y', ' if ', ' { ', ' } ', ' else ', '.each |$v| ', ' + ', 'String $a = ', 'unless', '.join(", ")'],
  'go-template': ['{{ .Values.x }}', '{{ if .Values.x }}', '{{ else }}', '{{ end }}', '{{ range .Values.y }}', '{{ . }}', '{{ .Values.a.b | default "all" }}', '{{ $v := .Values.x }}', '{{ $v }}', '{{', '}}', '{{-', '-}}', '.Values.a', ' if ', ' else ', ' end ', ' range ', ' with ', ' $x := ', ' | ', ' printf "%s" ', ' default ', ' replace ', ' include ', 'toYaml', ' nindent 4'],
  terraform: ['${x}', '%{ if x != "" }', '%{ else }', '%{ endif }', '%{ for v in y }', '${v}', '%{ endfor }', '${a.b}', '${', '}', '%{', '%{ if ', '%{ for x in ', '%{ endif }', '%{ endfor }', ' ~}', '$${', 'var.a', 'local.b', ' ? ', ' : ', 'join(",", ', 'format("%s", '],
  envsubst: ['$', '${', '}', '${A:-b}', '${A:=b}', '$$', 'ENV_X'],
  host: [
    '#cloud-config\n', 'write_files:\n', '  - path: /etc/postfix/main.cf\n', '    content: |\n', 'runcmd:\n', '- ', 'postconf -e ', 'postconf -X ', "sed -i 's/^a.*/b/' ", '/etc/postfix/main.cf', '/etc/postfix/master.cf',
    'cat > /etc/postfix/main.cf <<EOF\n', 'EOF\n', "<<'EOF'\n", 'echo ', 'printf ', ' >> ', ' | tee ', 'RUN ', 'FROM debian:12\n', 'apt-get install -y postfix\n', '&& ', '\\\n',
    '\nkind: ConfigMap\n', 'apiVersion: v1\n', '{{ .Values.a }}', '{{- if .Values.b }}', '{{ end }}', 'data:\n', '  main.cf: |\n', '&a ', '*a', '<<: *a\n', 'lineinfile:\n', '    line: ', '    regexp: ', 'copy:\n', '    dest: ', 'template:\n', '  src: ', 'when: ', 'vars:\n',
    '%post\n', '%end\n', 'provisioner "shell" {\n', 'inline = [', 'user_data = <<-EOT\n', 'EOT\n', '{"provisioners": [{"type": "shell", "inline": [', ']}]}', '#!/bin/sh\n', 'if [ x ]; then\n', 'fi\n', '$(', '`',
  ],
  exim: ['begin acl\n', 'begin routers\n', 'acl_smtp_rcpt = acl_check_rcpt\n', 'acl_check_rcpt:\n', '  accept  hosts = +relay_from_hosts\n', '  deny    message = relay not permitted\n', '  require verify = recipient\n', 'domainlist local_domains = @\n', 'hostlist relay_from_hosts = 127.0.0.1\n', '.ifdef X\n', '.endif\n', '.include ', 'MACRO = value\n', '${if ', '${lookup{', '}}', 'local_interfaces = <; 0.0.0.0\n', 'dnslookup:\n  driver = dnslookup\n  domains = ! +local_domains\n'],
  opensmtpd: ['listen on ', 'all', 'localhost', 'lo0', ' port 25', 'table ', '<relays>', ' { 10.0.0.0/8 }', 'action "relay" relay\n', 'action "local" mbox\n', 'match ', 'from any ', 'from local ', 'for any ', 'for domain ', 'action "relay"', 'accept from any for any relay\n', 'include "', 'MACRO = "x"\n', '$MACRO', 'smtp max-message-size 10M\n', 'pki '],
  m4: ['dnl', 'divert(-1)', 'divert(0)', 'define(`', "', `", "')", 'FEATURE(`', 'DAEMON_OPTIONS(`Port=smtp,Addr=0.0.0.0, Name=MTA\')', 'promiscuous_relay', 'relay_entire_domain', 'include(`', 'ifdef(', 'OSTYPE(`linux\')', 'MAILER(smtp)', '$1', '$#', 'changequote(', 'undefine(', 'eval(', 'indir(', 'm4exit', '`', "'"],
};

function textOf(tokens: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tokens, ...COMMON, ...MAIL) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme' }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
  );
  return fc.array(piece, { maxLength: 120, size: 'medium' }).map((parts) => parts.join(''));
}

const params = (name: string) => ({ numRuns: RUNS, seed: SEED + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0), endOnFailure: true });

/** Debian's update-exim4.conf.conf settings, the split switch among them. */
const DEBCONF_TOKENS = [
  "dc_use_split_config='true'\n",
  "dc_use_split_config='false'\n",
  "dc_eximconfig_configtype='internet'\n",
  "dc_eximconfig_configtype='smarthost'\n",
  "dc_local_interfaces=''\n",
  "dc_local_interfaces='127.0.0.1 ; ::1'\n",
  "dc_relay_nets='0.0.0.0/0'\n",
  "dc_relay_domains='*'\n",
  "dc_other_hostnames='a.example;b.example'\n",
  "dc_smarthost='smtp.example::587'\n",
  'MAIN_TLS_ENABLE=yes\n',
  'dc_relay_nets="$(ip addr)"\n',
  '# comment\n',
  "'",
  '\n',
];

/** Lines of a text (a final newline opens no line of its own, but a position just past the end is allowed). */
function lineLengths(text: string): number[] {
  return text.split('\n').map((l) => l.length);
}

function assertInside(what: string, lengths: number[], line: unknown, column: unknown): void {
  assert.ok(Number.isInteger(line) && Number.isInteger(column), `${what}: ${String(line)}:${String(column)} is not a position`);
  const l = line as number;
  const c = column as number;
  assert.ok(l >= 1 && l <= lengths.length, `${what}: line ${l} outside 1..${lengths.length}`);
  assert.ok(c >= 1 && c <= (lengths[l - 1] as number) + 2, `${what}: ${l}:${c} past the end of the line (${lengths[l - 1]})`);
}

/**
 * Every span-like object reachable from `value` (file, line, column, and
 * endLine/endColumn when present) that names one of `files` is inside it.
 */
function assertSpansInside(value: unknown, files: ReadonlyMap<string, number[]>): void {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object' || seen.has(v) || depth > 40) continue;
    seen.add(v);
    if (v instanceof Map || v instanceof Set) {
      for (const x of v.values()) stack.push([x, depth + 1]);
      continue;
    }
    const record = v as Record<string, unknown>;
    const file = typeof record.file === 'string' ? record.file : '';
    const lengths = files.get(file);
    if (lengths !== undefined && typeof record.line === 'number' && typeof record.column === 'number') {
      assertInside(`${file} span`, lengths, record.line, record.column);
      if (typeof record.endLine === 'number') assertInside(`${file} span end`, lengths, record.endLine, record.endColumn);
    }
    for (const x of Object.values(record)) if (x !== null && typeof x === 'object') stack.push([x, depth + 1]);
  }
}

/** A fragment's source map leads only into the file it was read from. */
function assertMapInside(fragment: Fragment, lengths: number[]): void {
  const rendered = lineLengths(fragment.text);
  for (const segment of fragment.map.segments) {
    assertInside('segment from', lengths, segment.from.line, segment.from.column);
    assertInside('segment to', lengths, segment.to.line, segment.to.column);
    assertInside('rendered segment', rendered, segment.line, segment.column);
  }
}

const TEMPLATE_PATHS: Record<string, string> = {
  jinja2: 'roles/r/templates/main.cf.j2',
  erb: 'cookbooks/c/templates/default/main.cf.erb',
  epp: 'modules/m/templates/main.cf.epp',
  'go-template': 'charts/c/templates/main.cf.tpl',
  terraform: 'tf/main.cf.tftpl',
  envsubst: 'docker/main.cf.template',
};

describe('template renderers: any text renders or is diagnosed, never throws; every position is in the template', () => {
  for (const language of LANGUAGES) {
    it(language.form, () => {
      const path = TEMPLATE_PATHS[language.form] ?? `x/main.cf.${language.form}`;
      const vars = plainScope({ x: 'a', y: ['b', 'c'], a: { b: 'all' } });
      fc.assert(
        fc.property(textOf(TOKENS[language.form] ?? []), (text) => {
          const rendered = language.render({ path, text }, vars);
          const lengths = lineLengths(text);
          for (const d of [...rendered.diagnostics, ...(rendered.notes ?? []), ...rendered.skipped]) assertInside('diagnostic', lengths, d.line, d.column);
          assertMapInside(rendered.fragment, lengths);
        }),
        params(language.form),
      );
    });
  }
});

/** First lines that make a file one format or another (the body may still be anything). */
const HOST_HEADS = ['', '#cloud-config\n', 'apiVersion: v1\nkind: ConfigMap\n', '{{- if .Values.a }}\napiVersion: v1\nkind: ConfigMap\n', '- hosts: all\n  tasks:\n', '- name: x\n', 'FROM debian:12\n', '#!/bin/sh\n', '%packages\npostfix\n%end\n%post\n', '{"builders": [], "provisioners": [\n', "template '/etc/postfix/main.cf' do\n  source 'main.cf.erb'\n  variables(a: node['x'])\nend\n", "file { '/etc/postfix/main.cf':\n  content => epp('m/main.cf.epp', { 'a' => $x }),\n}\n", '/etc/postfix/main.cf:\n  file.managed:\n    - source: salt://postfix/main.cf\n'];
const HOST_PATHS = ['cookbooks/c/recipes/default.rb', 'modules/m/manifests/init.pp', 'salt/postfix/init.sls', 'cloud/user-data', 'k8s/cm.yaml', 'charts/c/templates/cm.yaml', 'roles/r/tasks/main.yml', 'Dockerfile', 'packer/build.pkr.hcl', 'packer/build.json', 'tf/main.tf', 'ks/server.ks', 'scripts/setup.sh', 'cookbooks/c/metadata.rb', 'roles/r/meta/main.yml', 'requirements.yml', 'dms/config/postfix-main.cf', 'dms/config/postfix-master.cf'];

describe('host formats: any text extracts or is diagnosed, never throws; every position is in the host file', () => {
  for (const [i, format] of HOST_FORMATS.entries()) {
    it(`${i + 1}. ${format.form}`, () => {
      const repo = memoryRepository({});
      let claimed = 0;
      fc.assert(
        fc.property(fc.constantFrom(...HOST_HEADS), textOf(TOKENS.host ?? []), fc.constantFrom(...HOST_PATHS), fc.boolean(), (head, body, anyPath, own) => {
          // Half the inputs go to a path this format reads, half to any path.
          const path = own ? (HOST_PATHS.find((p) => format.matches(p, head)) ?? anyPath) : anyPath;
          const text = head + body;
          if (!format.matches(path, text.slice(0, 4096))) return;
          claimed++;
          const extraction = format.extract({ path, text }, repo);
          const lengths = lineLengths(text);
          assertSpansInside(extraction.diagnostics, new Map([[path, lengths]]));
          for (const edit of extraction.edits) if ('fragment' in edit && edit.fragment.file === path) assertMapInside(edit.fragment, lengths);
        }),
        params(`${i}${format.form}`),
      );
      // The generator reaches the format at all (a property over no input proves nothing).
      assert.ok(claimed > RUNS / 200, `${format.form} claimed only ${claimed} of ${RUNS} inputs`);
    });
  }
});

describe('mail-server readers: any text is read or diagnosed, never throws; every span is in its file', () => {
  it('Postfix main.cf and master.cf', () => {
    fc.assert(
      fc.property(textOf([]), textOf([]), (main, master) => {
        const files: SourceFile[] = [
          { path: 'etc/main.cf', text: main },
          { path: 'etc/master.cf', text: master },
        ];
        const configurations = assemblePostfix(files);
        assert.equal(configurations.length, 1);
        assertSpansInside(configurations, new Map(files.map((f) => [f.path, lineLengths(f.text)])));
      }),
      params('postfix'),
    );
  });

  it('Exim (a configure file, a Debian split configuration and a lone fragment)', () => {
    fc.assert(
      fc.property(textOf(TOKENS.exim ?? []), textOf(DEBCONF_TOKENS), textOf(TOKENS.exim ?? []), (text, part, fragment) => {
        const files: SourceFile[] = [
          { path: 'exim/exim4.conf', text },
          { path: 'debian/exim4/update-exim4.conf.conf', text: part },
          { path: 'debian/exim4/conf.d/acl/30_exim4-config_check_rcpt', text },
          { path: 'debian/exim4/conf.d/router/455_x', text: fragment },
          { path: 'lone/conf.d/transport/30_x', text: fragment },
        ];
        assertSpansInside(
          assembleExim(files),
          new Map(files.map((f) => [f.path, lineLengths(f.text)])),
        );
      }),
      params('exim'),
    );
  });

  it('OpenSMTPD smtpd.conf', () => {
    fc.assert(
      fc.property(textOf(TOKENS.opensmtpd ?? []), (text) => {
        const files: SourceFile[] = [{ path: 'etc/smtpd.conf', text }];
        assertSpansInside(assembleOpenSmtpd(files), new Map([['etc/smtpd.conf', lineLengths(text)]]));
      }),
      params('opensmtpd'),
    );
  });

  it('sendmail.mc through m4, and sendmail.cf', () => {
    fc.assert(
      fc.property(textOf(TOKENS.m4 ?? []), (text) => {
        const files: SourceFile[] = [{ path: 'mail/sendmail.mc', text }];
        const configurations = assembleSendmail(files);
        assertSpansInside(configurations, new Map([['mail/sendmail.mc', lineLengths(text)]]));
        const cf: SourceFile[] = [{ path: 'cf/sendmail.cf', text }];
        assertSpansInside(assembleSendmail(cf), new Map([['cf/sendmail.cf', lineLengths(text)]]));
      }),
      params('sendmail'),
    );
  });
});
