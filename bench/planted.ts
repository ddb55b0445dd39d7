/**
 * Planted mail configurations: one generator per kind relaygate reads (plain
 * files, every template language, every host format), each in an open and a
 * safe variant. Every generator returns its files and the findings it must
 * produce, worked out from what it wrote (which line holds the decisive
 * setting, where its value starts), never from an earlier run.
 */

/** rule id, file, line, column, certainty */
export type ExpectedFinding = [rule: string, file: string, line: number, column: number, certainty: 'definite' | 'indeterminate'];

export interface Planted {
  kind: string;
  open: boolean;
  /** Folder holding every file of the configuration (nothing else lives there). */
  root: string;
  files: Record<string, string>;
  expected: ExpectedFinding[];
  /** A variables file the configuration reads (role defaults, values.yaml, attributes...), when it has one. */
  variables?: string;
}

export type Variant = 'open' | 'safe';

const WEAK = 'permit_mynetworks, permit';
const STRONG = 'permit_mynetworks, reject';
const RELAY = 'permit_mynetworks, reject_unauth_destination';

/** 1-based line and column of `needle` in `text` (the generator looks up where it wrote a line). */
function at(text: string, needle: string, from = 0): { line: number; column: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`planted text lacks ${JSON.stringify(needle)}`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The finding on the `smtpd_client_restrictions` value: its line, the column where the value starts. */
function onValue(rule: string, file: string, text: string, valueAfter: string, certainty: 'definite' | 'indeterminate' = 'definite'): ExpectedFinding {
  const where = at(text, valueAfter);
  return [rule, file, where.line, where.column + valueAfter.length, certainty];
}

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

type Make = (dir: string, variant: Variant, n: number) => Omit<Planted, 'kind' | 'open' | 'root'>;

/** A complete main.cf: what a host that starts would hold. */
function mainCf(n: number, inet: string, client: string): string {
  return lines(
    '# Postfix main.cf, see postconf(5)',
    'compatibility_level = 3.6',
    `myhostname = mx${n}.example.org`,
    'mydomain = example.org',
    `inet_interfaces = ${inet}`,
    'mynetworks = 127.0.0.0/8 [::1]/128',
    `smtpd_relay_restrictions = ${RELAY}`,
    `smtpd_client_restrictions = ${client}`,
    'alias_maps = hash:/etc/aliases',
  );
}

const MASTER_CF = lines(
  '# service type  private unpriv  chroot  wakeup  maxproc command + args',
  'smtp      inet  n       -       y       -       -       smtpd',
  'pickup    unix  n       -       y       60      1       pickup',
  'cleanup   unix  n       -       y       -       0       cleanup',
  'qmgr      unix  n       -       n       300     1       qmgr',
);

const CLIENT = 'smtpd_client_restrictions = ';

const KINDS: Record<string, Make> = {
  'plain main.cf + master.cf'(dir, variant, n) {
    const main = `${dir}/postfix/main.cf`;
    const text = mainCf(n, 'all', variant === 'open' ? WEAK : STRONG);
    return {
      files: { [main]: text, [`${dir}/postfix/master.cf`]: MASTER_CF },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', main, text, CLIENT)] : [],
    };
  },

  'plain main.cf'(dir, variant, n) {
    const main = `${dir}/etc/postfix/main.cf`;
    const text = mainCf(n, variant === 'open' ? 'all' : 'loopback-only', WEAK);
    return { files: { [main]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', main, text, CLIENT)] : [] };
  },

  'sendmail .mc'(dir, variant) {
    const mc = `${dir}/mail/sendmail.mc`;
    const addr = variant === 'open' ? '0.0.0.0' : '127.0.0.1';
    const text = lines(
      'divert(-1)dnl',
      "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl",
      "VERSIONID(`relay host')dnl",
      "OSTYPE(`debian')dnl",
      `DAEMON_OPTIONS(\`Port=smtp,Addr=${addr}, Name=MTA')dnl`,
      "FEATURE(`no_default_msa')dnl",
      "FEATURE(`promiscuous_relay')dnl",
      "MAILER(`local')dnl",
      "MAILER(`smtp')dnl",
    );
    const feature = at(text, "FEATURE(`promiscuous_relay')");
    return { files: { [mc]: text }, expected: variant === 'open' ? [['stig-sendmail-relay', mc, feature.line, feature.column, 'definite']] : [] };
  },

  'Ansible role template (Jinja2)'(dir, variant) {
    const template = `${dir}/templates/main.cf.j2`;
    const defaults = `${dir}/defaults/main.yml`;
    const text = lines(
      '# {{ ansible_managed }}',
      'compatibility_level = 3.6',
      'myhostname = {{ inventory_hostname }}',
      'inet_interfaces = all',
      'mynetworks = 127.0.0.0/8',
      `smtpd_relay_restrictions = ${RELAY}`,
      `smtpd_client_restrictions = {{ mail_client_restrictions | join(', ') }}`,
    );
    return {
      files: {
        [`${dir}/tasks/main.yml`]: lines(
          '- name: Install postfix',
          '  ansible.builtin.apt:',
          '    name: postfix',
          '- name: Configure postfix',
          '  ansible.builtin.template:',
          '    src: main.cf.j2',
          '    dest: /etc/postfix/main.cf',
        ),
        [template]: text,
        [defaults]: lines('---', 'mail_client_restrictions:', '  - permit_mynetworks', `  - ${variant === 'open' ? 'permit' : 'reject'}`),
      },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT)] : [],
      variables: defaults,
    };
  },

  'Ansible lineinfile'(dir, variant) {
    const tasks = `${dir}/tasks/main.yml`;
    const value = variant === 'open' ? WEAK : STRONG;
    const text = lines(
      '- name: Install postfix',
      '  ansible.builtin.apt:',
      '    name: postfix',
      '- name: Restrict clients',
      '  ansible.builtin.lineinfile:',
      '    path: /etc/postfix/main.cf',
      "    regexp: '^smtpd_client_restrictions'",
      `    line: smtpd_client_restrictions = ${value}`,
      '- name: Relay restrictions',
      '  ansible.builtin.lineinfile:',
      '    path: /etc/postfix/main.cf',
      "    regexp: '^smtpd_relay_restrictions'",
      `    line: smtpd_relay_restrictions = ${RELAY}`,
    );
    return { files: { [tasks]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', tasks, text, `line: ${CLIENT}`)] : [] };
  },

  'Salt formula (Jinja2)'(dir, variant) {
    const template = `${dir}/postfix/files/main.cf.jinja`;
    const text = lines(
      '{%- from "postfix/map.jinja" import postfix with context %}',
      '# Managed by Salt',
      'compatibility_level = 3.6',
      'inet_interfaces = {{ postfix.config.inet_interfaces }}',
      `smtpd_relay_restrictions = ${RELAY}`,
      "smtpd_client_restrictions = {{ postfix.config.smtpd_client_restrictions | join(', ') }}",
    );
    const defaults = `${dir}/postfix/defaults.yaml`;
    return {
      files: {
        [`${dir}/postfix/map.jinja`]: lines('{% import_yaml "postfix/defaults.yaml" as defaults %}'),
        [defaults]: lines('postfix:', '  config:', '    inet_interfaces: all', '    smtpd_client_restrictions:', '      - permit_mynetworks', `      - ${variant === 'open' ? 'permit' : 'reject'}`),
        [template]: text,
      },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT)] : [],
      variables: defaults,
    };
  },

  'Chef cookbook template (ERB)'(dir, variant) {
    const template = `${dir}/templates/default/main.cf.erb`;
    const attributes = `${dir}/attributes/default.rb`;
    const text = lines(
      '# Generated by Chef for <%= node["fqdn"] %>',
      'compatibility_level = 3.6',
      'inet_interfaces = all',
      `smtpd_relay_restrictions = ${RELAY}`,
      'smtpd_client_restrictions = <%= node["postfix"]["client_restrictions"] %>',
    );
    return {
      files: {
        [`${dir}/metadata.rb`]: lines(`name 'mail'`, `version '1.0.0'`),
        [attributes]: lines(`default['postfix']['client_restrictions'] = '${variant === 'open' ? WEAK : STRONG}'`),
        [template]: text,
      },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT)] : [],
      variables: attributes,
    };
  },

  'Puppet module template (EPP)'(dir, variant) {
    const template = `${dir}/templates/main.cf.epp`;
    const manifest = `${dir}/manifests/init.pp`;
    const text = lines(
      '<%- | String $client_restrictions | -%>',
      'compatibility_level = 3.6',
      'inet_interfaces = all',
      `smtpd_relay_restrictions = ${RELAY}`,
      'smtpd_client_restrictions = <%= $client_restrictions %>',
    );
    return {
      files: {
        [`${dir}/metadata.json`]: lines('{', '  "name": "example-mail",', '  "version": "1.0.0"', '}'),
        [manifest]: lines(
          'class mail (',
          `  String $client_restrictions = '${variant === 'open' ? WEAK : STRONG}',`,
          ') {',
          "  file { '/etc/postfix/main.cf':",
          "    content => epp('mail/main.cf.epp', { 'client_restrictions' => $client_restrictions }),",
          '  }',
          '}',
        ),
        [template]: text,
      },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT)] : [],
      variables: manifest,
    };
  },

  'Helm chart ConfigMap (Go template)'(dir, variant) {
    const template = `${dir}/templates/configmap.yaml`;
    const values = `${dir}/values.yaml`;
    const text = lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: {{ .Release.Name }}-postfix',
      'data:',
      '  main.cf: |',
      '    compatibility_level = 3.6',
      '    inet_interfaces = all',
      `    smtpd_relay_restrictions = ${RELAY}`,
      '    smtpd_client_restrictions = {{ .Values.postfix.clientRestrictions }}',
    );
    return {
      files: {
        [`${dir}/Chart.yaml`]: lines('apiVersion: v2', 'name: mail', 'version: 0.1.0'),
        [values]: lines('replicaCount: 1', 'postfix:', `  clientRestrictions: ${variant === 'open' ? WEAK : STRONG}`),
        [template]: text,
      },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT)] : [],
      variables: values,
    };
  },

  'Terraform templatefile'(dir, variant) {
    const template = `${dir}/main.cf.tftpl`;
    const module = `${dir}/main.tf`;
    const text = lines(
      'compatibility_level = 3.6',
      'inet_interfaces = all',
      `smtpd_relay_restrictions = ${RELAY}`,
      'smtpd_client_restrictions = ${client_restrictions}',
    );
    return {
      files: {
        [module]: lines(
          'resource "local_file" "main_cf" {',
          '  filename = "${path.module}/rendered/main.cf"',
          `  content  = templatefile("\${path.module}/main.cf.tftpl", { client_restrictions = "${variant === 'open' ? WEAK : STRONG}" })`,
          '}',
        ),
        [template]: text,
      },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT)] : [],
      variables: module,
    };
  },

  'envsubst template'(dir, variant) {
    const template = `${dir}/main.cf.template`;
    const text = lines(
      'compatibility_level = 3.6',
      `inet_interfaces = ${variant === 'open' ? 'all' : 'loopback-only'}`,
      `smtpd_relay_restrictions = ${RELAY}`,
      'smtpd_client_restrictions = ${CLIENT_RESTRICTIONS}',
    );
    // The environment is not in the repository: the restrictions are unknown.
    return { files: { [template]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT, 'indeterminate')] : [] };
  },

  Dockerfile(dir, variant) {
    const file = `${dir}/Dockerfile`;
    const value = variant === 'open' ? 'permit_mynetworks,permit' : 'permit_mynetworks,reject';
    const text = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y --no-install-recommends postfix',
      `RUN postconf -e smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination`,
      `RUN postconf -e smtpd_client_restrictions=${value}`,
      'EXPOSE 25',
      'CMD ["postfix", "start-fg"]',
    );
    return { files: { [file]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', file, text, 'smtpd_client_restrictions=')] : [] };
  },

  'shell script'(dir, variant) {
    const file = `${dir}/setup-mail.sh`;
    const value = variant === 'open' ? 'permit_mynetworks,permit' : 'permit_mynetworks,reject';
    const text = lines(
      '#!/bin/sh',
      'set -eu',
      'apt-get install -y postfix',
      'postconf -e smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination',
      `postconf -e smtpd_client_restrictions=${value}`,
    );
    return { files: { [file]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', file, text, 'smtpd_client_restrictions=')] : [] };
  },

  'cloud-init write_files'(dir, variant, n) {
    const file = `${dir}/user-data`;
    const body = mainCf(n, 'all', variant === 'open' ? WEAK : STRONG).trimEnd().split('\n');
    const text = lines('#cloud-config', 'packages:', '  - postfix', 'write_files:', '  - path: /etc/postfix/main.cf', '    content: |', ...body.map((l) => `      ${l}`));
    return { files: { [file]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', file, text, `      ${CLIENT}`)] : [] };
  },

  'Kubernetes ConfigMap'(dir, variant, n) {
    const file = `${dir}/postfix-configmap.yaml`;
    const body = mainCf(n, 'all', variant === 'open' ? WEAK : STRONG).trimEnd().split('\n');
    const text = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: postfix-${n}`, 'data:', '  main.cf: |', ...body.map((l) => `    ${l}`));
    return { files: { [file]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', file, text, `    ${CLIENT}`)] : [] };
  },

  'Packer shell provisioner'(dir, variant) {
    const file = `${dir}/mail.pkr.hcl`;
    const value = variant === 'open' ? 'permit_mynetworks,permit' : 'permit_mynetworks,reject';
    const text = lines(
      'source "amazon-ebs" "mail" {',
      '  source_ami_filter {',
      '    filters = { name = "debian-12-amd64-*" }',
      '  }',
      '}',
      'build {',
      '  sources = ["source.amazon-ebs.mail"]',
      '  provisioner "shell" {',
      '    inline = [',
      '      "apt-get install -y postfix",',
      '      "postconf -e smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination",',
      `      "postconf -e smtpd_client_restrictions=${value}",`,
      '    ]',
      '  }',
      '}',
    );
    return { files: { [file]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', file, text, 'smtpd_client_restrictions=')] : [] };
  },

  kickstart(dir, variant) {
    const file = `${dir}/mail.ks`;
    const value = variant === 'open' ? 'permit_mynetworks,permit' : 'permit_mynetworks,reject';
    const text = lines(
      'lang en_US.UTF-8',
      '%packages',
      'postfix',
      '%end',
      '%post',
      'postconf -e inet_interfaces=all mynetworks=127.0.0.0/8',
      'postconf -e smtpd_helo_restrictions= smtpd_sender_restrictions= relay_domains=',
      'postconf -e smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination smtpd_recipient_restrictions=',
      `postconf -e smtpd_client_restrictions=${value}`,
      '%end',
    );
    return { files: { [file]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', file, text, 'smtpd_client_restrictions=')] : [] };
  },

  'Terraform user_data'(dir, variant) {
    const file = `${dir}/instance.tf`;
    const value = variant === 'open' ? 'permit_mynetworks,permit' : 'permit_mynetworks,reject';
    const text = lines(
      'resource "aws_instance" "mail" {',
      '  ami           = "ami-0123456789"',
      '  instance_type = "t3.micro"',
      '  user_data     = <<-EOF',
      '    #!/bin/sh',
      '    apt-get install -y postfix',
      '    postconf -e smtpd_relay_restrictions=permit_mynetworks,reject_unauth_destination',
      `    postconf -e smtpd_client_restrictions=${value}`,
      '  EOF',
      '}',
    );
    return { files: { [file]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', file, text, 'smtpd_client_restrictions=')] : [] };
  },
  'Go template (.tmpl)'(dir, variant) {
    const template = `${dir}/main.cf.tmpl`;
    const text = lines(
      'compatibility_level = 3.6',
      'myhostname = {{ .Hostname }}',
      `inet_interfaces = ${variant === 'open' ? 'all' : 'loopback-only'}`,
      `smtpd_relay_restrictions = ${RELAY}`,
      'smtpd_client_restrictions = {{ .ClientRestrictions }}',
    );
    // Only --vars give a plain Go template values: the restrictions are unknown.
    return { files: { [template]: text }, expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT, 'indeterminate')] : [] };
  },

  'Puppet module template (ERB)'(dir, variant) {
    const template = `${dir}/templates/main.cf.erb`;
    const manifest = `${dir}/manifests/init.pp`;
    const text = lines(
      '# Managed by Puppet',
      'compatibility_level = 3.6',
      'inet_interfaces = all',
      `smtpd_relay_restrictions = ${RELAY}`,
      'smtpd_client_restrictions = <%= @client_restrictions %>',
    );
    return {
      files: {
        [`${dir}/metadata.json`]: lines('{', `  "name": "example-${dir.slice(dir.lastIndexOf('/') + 1)}",`, '  "version": "1.0.0"', '}'),
        [manifest]: lines(
          `class ${dir.slice(dir.lastIndexOf('/') + 1)} (`,
          `  String $client_restrictions = '${variant === 'open' ? WEAK : STRONG}',`,
          ') {',
          "  file { '/etc/postfix/main.cf':",
          `    content => template('${dir.slice(dir.lastIndexOf('/') + 1)}/main.cf.erb'),`,
          '  }',
          '}',
        ),
        [template]: text,
      },
      expected: variant === 'open' ? [onValue('stig-postfix-relay', template, text, CLIENT)] : [],
      variables: manifest,
    };
  },

  'sendmail .mc template (Jinja2)'(dir, variant) {
    const template = `${dir}/templates/sendmail.mc.j2`;
    const defaults = `${dir}/defaults/main.yml`;
    const text = lines(
      'divert(-1)dnl',
      "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl",
      "OSTYPE(`linux')dnl",
      "DAEMON_OPTIONS(`Port=smtp,Addr={{ sendmail_listen_address }}, Name=MTA')dnl",
      "FEATURE(`no_default_msa')dnl",
      "FEATURE(`promiscuous_relay')dnl",
      "MAILER(`smtp')dnl",
    );
    const feature = at(text, "FEATURE(`promiscuous_relay')");
    return {
      files: {
        [template]: text,
        [defaults]: lines('---', `sendmail_listen_address: ${variant === 'open' ? '0.0.0.0' : '127.0.0.1'}`),
      },
      expected: variant === 'open' ? [['stig-sendmail-relay', template, feature.line, feature.column, 'definite']] : [],
      variables: defaults,
    };
  },
};

/** Where each kind lives in the monorepo (the folder name is followed by the instance number). */
const HOMES: Record<string, string> = {
  'plain main.cf + master.cf': 'infra/mail/relay',
  'plain main.cf': 'ops/hosts/mx',
  'sendmail .mc': 'infra/sendmail/host',
  'Ansible role template (Jinja2)': 'ansible/roles/mail',
  'Ansible lineinfile': 'ansible/roles/smtp',
  'Salt formula (Jinja2)': 'salt/env',
  'Chef cookbook template (ERB)': 'chef/cookbooks/mail',
  'Puppet module template (EPP)': 'puppet/modules/mail',
  'Helm chart ConfigMap (Go template)': 'charts/mail',
  'Terraform templatefile': 'terraform/modules/mail',
  'envsubst template': 'docker/mail-env',
  Dockerfile: 'docker/mail',
  'shell script': 'scripts/mail',
  'cloud-init write_files': 'cloud/mail',
  'Kubernetes ConfigMap': 'k8s/mail',
  'Packer shell provisioner': 'packer/mail',
  kickstart: 'kickstart/mail',
  'Terraform user_data': 'terraform/hosts/mail',
  'Go template (.tmpl)': 'deploy/mail',
  'Puppet module template (ERB)': 'puppet/modules/relay',
  'sendmail .mc template (Jinja2)': 'ansible/roles/sendmail',
};

export const PLANTED_KINDS: readonly string[] = Object.keys(KINDS);

/** `perVariant` instances of each kind, open and safe: the planted configurations of one tree. */
export function plant(perVariant: number): Planted[] {
  const out: Planted[] = [];
  let n = 0;
  for (const kind of PLANTED_KINDS) {
    const make = KINDS[kind] as Make;
    for (let i = 0; i < perVariant; i++) {
      for (const variant of ['open', 'safe'] as const) {
        n++;
        const root = `${HOMES[kind] as string}${n}`;
        out.push({ kind, open: variant === 'open', root, ...make(root, variant, n) });
      }
    }
  }
  return out;
}
