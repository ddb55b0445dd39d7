/**
 * Which engine reads a template whose extension several engines use
 * (`.tpl`, `.tmpl`, `.template`), and consul-template's names: shapes of
 * real repositories, reconstructed small, with exact rule, file, line,
 * column and certainty. The syntax decides, never a guess: a file that does
 * not fit the language its extension suggests is a template of an unknown
 * engine (its tags unknown), never config-unreadable.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOptions } from '../../src/config/options.js';
import { scan } from '../../src/scan.js';
import { temporaryTrees } from '../helpers/temp-tree.js';
import { findingRows, type FindingRow as Row } from '../helpers/finding-rows.js';

const tree = temporaryTrees('template-engines');

interface Shape {
  name: string;
  files: Record<string, string>;
  findings: Row[];
  /** The forms of the configurations. */
  forms: string[];
}

const PERL_TAGS = [
  'pki "mx" cert "/etc/ssl/<%= "$hostname.$domain" %>.pem"',
  'pki "mx" key "/etc/ssl/private/<%= "$hostname.$domain" %>.key"',
  'listen on all tls pki "mx" hostname "<%= "$hostname.$domain" %>"',
  'action "local" mbox',
  'action out relay',
].join('\n');

/** The rules these shapes are about (Postfix's relay-policy rules have their own tests). */
const JUDGED = new Set(['stig-postfix-relay', 'opensmtpd-open-relay', 'config-unreadable']);

const SHAPES: Shape[] = [
  {
    name: 'a .tpl with Perl <%= %> tags (a Rex template) is not a Go template: read, relay only from local passes',
    files: { 'mx/etc/mail/smtpd.conf.tpl': `${PERL_TAGS}\nmatch from local for local action "local"\nmatch from local for any action out\n` },
    findings: [],
    forms: ['unknown-template'],
  },
  {
    name: 'a .tpl with Perl <%= %> tags: literal lines stay definite (an open relay)',
    files: { 'mx/etc/mail/smtpd.conf.tpl': `${PERL_TAGS}\nmatch from any for any action out\n` },
    findings: [['opensmtpd-open-relay', 'mx/etc/mail/smtpd.conf.tpl', 6, 7, 'definite']],
    forms: ['unknown-template'],
  },
  {
    name: 'a rule between statement tags of an unknown engine may or may not be there: indeterminate',
    files: { 'smtpd.conf.tpl': 'listen on all\naction out relay\n<% if ($open) { %>\nmatch from any for any action out\n<% } %>\nmatch from local for any action out\n' },
    findings: [['opensmtpd-open-relay', 'smtpd.conf.tpl', 4, 1, 'indeterminate']],
    forms: ['unknown-template'],
  },
  {
    name: 'a .tpl that does not parse as a Go template is an unknown engine\'s, not config-unreadable',
    files: { 'smtpd.conf.tpl': 'listen on all\n{{ end }}\naction out relay\nmatch from any for any action out\n' },
    findings: [['opensmtpd-open-relay', 'smtpd.conf.tpl', 4, 7, 'indeterminate']],
    forms: ['unknown-template'],
  },
  {
    name: 'a .gotmpl says its language: a Go syntax error is config-unreadable',
    files: { 'smtpd.conf.gotmpl': 'listen on all\n{{ end }}\naction out relay\nmatch from any for any action out\n' },
    findings: [['config-unreadable', 'smtpd.conf.gotmpl', 2, 1, 'definite']],
    forms: [],
  },
  {
    name: 'consul-template smtpd.conf.template (Go syntax, env without default): a definite open relay',
    files: {
      'templates/smtpd.conf.template': [
        'table domains file:/etc/smtpd/domains',
        'listen on 0.0.0.0 port 25 tag IN',
        'listen on 0.0.0.0 port 10028 tag SIGN',
        'action "to_sign" relay host smtp://{{ env "SIGNER_ADDR" }}',
        'action "send" relay',
        'match tag IN from any for domain <domains> action "to_sign"',
        'match tag SIGN from any for any action "send"',
        'match from any for any reject',
        '',
      ].join('\n'),
    },
    findings: [['opensmtpd-open-relay', 'templates/smtpd.conf.template', 7, 16, 'definite']],
    forms: ['go-template'],
  },
  {
    name: 'consul-template .ctmpl: keyOrDefault with a literal default gives the default',
    files: { 'smtpd.conf.ctmpl': 'listen on {{ keyOrDefault "mx/bind" "0.0.0.0" }}\naction out relay\nmatch from any for any action out\n' },
    findings: [['opensmtpd-open-relay', 'smtpd.conf.ctmpl', 3, 7, 'definite']],
    forms: ['go-template'],
  },
  {
    name: 'consul-template .ctmpl: key without a default is unknown',
    files: { 'smtpd.conf.ctmpl': 'listen on {{ key "mx/bind" }}\naction out relay\nmatch from any for any action out\n' },
    findings: [['opensmtpd-open-relay', 'smtpd.conf.ctmpl', 3, 7, 'indeterminate']],
    forms: ['go-template'],
  },
  {
    name: 'a main.cf.template with {{ }} tags is a Go template, not envsubst input',
    files: { 'main.cf.template': 'inet_interfaces = {{ or (env "MX_BIND") "all" }}\nmyhostname = mx.example.test\n' },
    // `or` of an unknown and "all": unknown.
    findings: [['stig-postfix-relay', 'main.cf.template', 1, 1, 'indeterminate']],
    forms: ['go-template'],
  },
  {
    name: 'a main.cf.template with only $NAME stays envsubst input',
    files: { 'main.cf.template': 'inet_interfaces = all\nmyhostname = $MX_NAME\n' },
    findings: [['stig-postfix-relay', 'main.cf.template', 1, 1, 'definite']],
    forms: ['envsubst'],
  },
];

describe('template engines chosen by syntax, not by an ambiguous extension', () => {
  for (const shape of SHAPES) {
    it(shape.name, async () => {
      const result = await scan(defaultOptions(tree(shape.files)));
      assert.deepEqual(
        findingRows(result.findings.filter((f) => JUDGED.has(f.ruleId))),
        shape.findings,
      );
      assert.deepEqual(
        result.configurations.map((c) => c.form),
        shape.forms,
      );
    });
  }
});

/** The relay rules the plain-named shapes are about: the GEN004710 verdict, mynetworks, and whether the file could be read. */
const PLAIN_JUDGED = new Set(['stig-postfix-relay', 'postfix-broad-mynetworks', 'opensmtpd-open-relay', 'config-unreadable']);

interface PlainShape extends Shape {
  notes: string[];
}

const PLAIN_SHAPES: PlainShape[] = [
  {
    name: "Jinja2 star-args in a call (Mailu's main.cf): rendered, the literal restrictions a definite finding, mynetworks unknown",
    files: { 'core/postfix/conf/main.cf': 'compatibility_level = 3.6\nmynetworks = 127.0.0.1/32 {{ "[{}]/{}".format(*NET.split("/")) }}\nsmtpd_client_restrictions = permit_mynetworks, permit\n' },
    findings: [
      ['postfix-broad-mynetworks', 'core/postfix/conf/main.cf', 2, 14, 'indeterminate'],
      ['stig-postfix-relay', 'core/postfix/conf/main.cf', 3, 29, 'definite'],
    ],
    forms: ['jinja2'],
    notes: [],
  },
  {
    name: "a plain main.cf of Go template actions (gucci, hardware/mailserver) is a Go template: its literal lines decide",
    files: { 'rootfs/etc/postfix/main.cf': 'compatibility_level = 2\ninet_interfaces = all\nmyhostname = {{ .FQDN }}\n{{ if .LDAP }}\nvirtual_mailbox_maps = ldap:/etc/postfix/ldap.cf\n{{ end }}\n' },
    findings: [['stig-postfix-relay', 'rootfs/etc/postfix/main.cf', 1, 1, 'definite']],
    forms: ['go-template'],
    notes: [],
  },
  {
    name: 'Go actions Jinja2 would also parse ({{ if .X }}, {{- end }}) are Go: the branch on an unknown field is indeterminate',
    files: { 'main.cf': 'compatibility_level = 2\ninet_interfaces = all\n{{ if .OPEN }}\nsmtpd_client_restrictions = permit\n{{- else }}\nsmtpd_client_restrictions = permit_mynetworks, reject\n{{- end }}\n' },
    findings: [['stig-postfix-relay', 'main.cf', 6, 1, 'indeterminate']],
    forms: ['go-template'],
    notes: [],
  },
  {
    name: 'a plain master.cf of Go actions: a Go template, judged over an unknown main.cf',
    files: { 'master.cf': 'smtp      inet  n       -       n       -       -       smtpd\n{{ if .SUBMISSION }}\nsubmission inet n       -       n       -       -       smtpd\n  -o smtpd_client_restrictions=permit_sasl_authenticated,reject\n{{ end }}\n' },
    findings: [['stig-postfix-relay', 'master.cf', 1, 1, 'indeterminate']],
    forms: ['go-template'],
    notes: [],
  },
  {
    name: 'a plain smtpd.conf of Go actions is a Go template too',
    files: { 'etc/smtpd.conf': 'listen on {{ .IFACE }}\naction out relay\nmatch from any for any action out\n' },
    findings: [['opensmtpd-open-relay', 'etc/smtpd.conf', 3, 7, 'indeterminate']],
    forms: ['go-template'],
    notes: [],
  },
  {
    name: 'tags neither Jinja2 nor Go parses: an unknown engine (tags unknown, a note), never config-unreadable',
    files: { 'main.cf': 'compatibility_level = 2\ninet_interfaces = all\nmyhostname = {{ .FQDN }} {{ a + }}\nsmtpd_client_restrictions = permit_mynetworks, permit\n' },
    findings: [['stig-postfix-relay', 'main.cf', 4, 29, 'definite']],
    forms: ['unknown-template'],
    notes: ["main.cf:3:17: reads as neither a Jinja2 nor a Go template (Jinja2: unexpected '.'); read as a template of an unknown engine, its tags unknown"],
  },
  {
    name: 'a plain main.cf with {{ name }} tags stays Jinja2 (Salt, Ansible files/)',
    files: { 'main.cf': 'compatibility_level = 2\ninet_interfaces = {{ iface }}\nsmtpd_client_restrictions = permit_mynetworks, reject\n' },
    findings: [],
    forms: ['jinja2'],
    notes: [],
  },
  {
    name: 'a Go-template main.cf an image copies to /etc/postfix/ is judged inside the image, its tags never read as main.cf lines',
    files: {
      Dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache postfix\nCOPY conf/ /etc/postfix/\n',
      'conf/main.cf': 'compatibility_level = 2\nmyhostname = {{ .FQDN }}\n{{ if .RELAY }}\nrelayhost = {{ .RELAY }}\n{{ end }}\nsmtpd_client_restrictions = permit_mynetworks, permit\n',
    },
    findings: [['stig-postfix-relay', 'conf/main.cf', 6, 29, 'definite']],
    forms: ['dockerfile'],
    notes: [],
  },
];

describe('a plain-named mail file with template tags: the tags\' syntax decides the engine', () => {
  for (const shape of PLAIN_SHAPES) {
    it(shape.name, async () => {
      const result = await scan(defaultOptions(tree(shape.files)));
      assert.deepEqual(
        findingRows(result.findings.filter((f) => PLAIN_JUDGED.has(f.ruleId))),
        shape.findings,
      );
      assert.deepEqual(
        result.configurations.map((c) => c.form),
        shape.forms,
      );
      assert.deepEqual(result.notes, shape.notes);
    });
  }
});
