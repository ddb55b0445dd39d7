/**
 * A deterministic synthetic monorepo: services in TypeScript, Go and Python,
 * Kubernetes manifests (ConfigMaps among them, none holding mail keys),
 * Dockerfiles, shell, Terraform, docs, CI files, images, a few multi-MB
 * binaries and a `.gitignore`d node_modules, with mail words in files that
 * configure no mail (docs about Postfix, comments, READMEs), and the planted
 * configurations of ./planted.ts among them. The same size and seed always
 * give the same bytes.
 */
import { plant, type Planted } from './planted.js';

export interface TreeSpec {
  /** Files in the work tree, node_modules included. */
  files: number;
  seed: number;
}

export interface GeneratedFile {
  path: string;
  /** Text, or the size and seed of a binary blob. */
  text?: string;
  binary?: { size: number; seed: number };
}

export interface Monorepo {
  files: GeneratedFile[];
  planted: Planted[];
  /** Paths under node_modules (ignored by .gitignore). */
  ignored: number;
}

/** mulberry32: small, seeded, the same everywhere. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

const WORDS = [
  'account', 'billing', 'cache', 'client', 'config', 'deploy', 'event', 'export', 'gateway', 'handler', 'index', 'job',
  'ledger', 'metrics', 'notify', 'order', 'payment', 'queue', 'report', 'search', 'session', 'store', 'sync', 'token',
  'upload', 'user', 'vault', 'worker', 'audit', 'batch', 'catalog', 'digest', 'feed', 'graph', 'inventory', 'profile',
];

/** Mail words in text that configures no mail: what docs, comments and READMEs of a real monorepo say. */
const MAIL_CHATTER = [
  'Outgoing mail goes through the shared postfix relay run by the platform team.',
  'The sendmail binary is only used by the legacy cron jobs.',
  'Do not open the relay: inet_interfaces and mynetworks are managed centrally.',
  'Ask #mail before changing smtpd_client_restrictions on the relay hosts.',
  'We switched from postfix to the SES API in 2023.',
  'postfix logs are shipped to the central log store.',
  'Run postconf -n on the relay to see the effective settings.',
  'The relay_from_hosts list of the old Exim box was retired.',
];

const LOREM =
  'The service reads its configuration at start-up and keeps a connection pool per tenant. Requests are retried with ' +
  'exponential backoff and the results are cached for five minutes. Metrics are exported in the Prometheus format. ';

function identifier(rng: Random): string {
  return `${rng.pick(WORDS)}${rng.pick(WORDS).replace(/^./, (c) => c.toUpperCase())}`;
}

function typescript(rng: Random, mail: boolean): string {
  const out = [`import { ${identifier(rng)} } from './${rng.pick(WORDS)}.js';`, ''];
  if (mail) out.push(`// ${rng.pick(MAIL_CHATTER)}`);
  for (let f = rng.between(1, 8); f > 0; f--) {
    const name = identifier(rng);
    out.push(`/** ${LOREM.slice(0, rng.between(40, 160))} */`, `export async function ${name}(input: ${rng.pick(['string', 'number', 'Request', 'Record<string, unknown>'])}): Promise<void> {`);
    for (let l = rng.between(2, 10); l > 0; l--) out.push(`  const ${rng.pick(WORDS)}${l} = await ${identifier(rng)}(input, ${rng.int(1000)});`);
    out.push('}', '');
  }
  return out.join('\n');
}

function golang(rng: Random, mail: boolean): string {
  const out = [`package ${rng.pick(WORDS)}`, '', 'import (', '\t"context"', '\t"fmt"', ')', ''];
  if (mail) out.push(`// ${rng.pick(MAIL_CHATTER)}`);
  for (let f = rng.between(1, 6); f > 0; f--) {
    out.push(`func ${identifier(rng)}(ctx context.Context, n int) error {`);
    for (let l = rng.between(2, 10); l > 0; l--) out.push(`\tfmt.Println("${rng.pick(WORDS)}", n+${rng.int(100)})`);
    out.push('\treturn nil', '}', '');
  }
  return out.join('\n');
}

function python(rng: Random, mail: boolean): string {
  const out = ['import logging', 'import os', ''];
  if (mail) out.push(`# ${rng.pick(MAIL_CHATTER)}`, "SMTP_HOST = os.environ.get('SMTP_HOST', 'postfix.mail.svc')");
  for (let f = rng.between(1, 6); f > 0; f--) {
    out.push(`def ${rng.pick(WORDS)}_${rng.pick(WORDS)}(value):`, `    """${LOREM.slice(0, rng.between(30, 120))}"""`);
    for (let l = rng.between(2, 12); l > 0; l--) out.push(`    value = value + ${rng.int(100)}  # ${rng.pick(WORDS)}`);
    out.push('    return value', '');
  }
  return out.join('\n');
}

function markdown(rng: Random, mail: boolean): string {
  const out = [`# ${identifier(rng)}`, ''];
  for (let p = rng.between(1, 6); p > 0; p--) out.push(LOREM.repeat(rng.between(1, 3)), '');
  if (mail) {
    out.push('## Mail', '', rng.pick(MAIL_CHATTER), '', '```', 'postconf -e inet_interfaces=loopback-only', 'postconf -e "smtpd_client_restrictions=permit_mynetworks, reject"', '```', '');
  }
  return out.join('\n');
}

function deployment(rng: Random, app: string, mail: boolean): string {
  const out = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${app}`,
    '  labels:',
    `    app: ${app}`,
    'spec:',
    `  replicas: ${rng.between(1, 6)}`,
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${app}`,
    `          image: registry.example.com/${app}:${rng.between(1, 40)}.${rng.int(10)}`,
    '          env:',
  ];
  for (let e = rng.between(2, 12); e > 0; e--) out.push(`            - name: ${rng.pick(WORDS).toUpperCase()}_${e}`, `              value: "${rng.pick(WORDS)}"`);
  if (mail) {
    out.push('        # Mail leaves through the postfix sidecar below.', '        - name: postfix', '          image: boky/postfix:4.1', '          env:', '            - name: ALLOWED_SENDER_DOMAINS', '              value: example.org');
  }
  return `${out.join('\n')}\n`;
}

function configMap(rng: Random, app: string, mail: boolean): string {
  const out = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${app}-config`, 'data:'];
  for (let k = rng.between(2, 10); k > 0; k--) out.push(`  ${rng.pick(WORDS)}.${rng.pick(['url', 'timeout', 'size', 'mode'])}: "${rng.pick(WORDS)}-${rng.int(100)}"`);
  if (mail) out.push('  # The app sends through the postfix relay; its settings live in the mail chart.', '  SMTP_HOST: postfix.mail.svc.cluster.local', '  SMTP_PORT: "25"');
  out.push('  application.properties: |');
  for (let l = rng.between(3, 20); l > 0; l--) out.push(`    ${rng.pick(WORDS)}.${rng.pick(WORDS)}=${rng.int(1000)}`);
  return `${out.join('\n')}\n`;
}

function service(app: string): string {
  return ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${app}`, 'spec:', '  ports:', '    - port: 80', '      targetPort: 8080', `  selector:`, `    app: ${app}`, ''].join('\n');
}

function dockerfile(rng: Random, mail: boolean): string {
  const base = rng.pick(['node:20-slim', 'golang:1.22', 'python:3.12-slim', 'debian:12', 'alpine:3.20']);
  const out = [`FROM ${base}`, 'WORKDIR /app', 'COPY . .'];
  if (mail) out.push('# Mail is relayed by the postfix sidecar; nothing to install here.');
  out.push(`RUN ${rng.pick(['npm ci', 'go build ./...', 'pip install -r requirements.txt', 'apt-get update && apt-get install -y curl'])}`, `CMD ["./${rng.pick(WORDS)}"]`);
  return `${out.join('\n')}\n`;
}

function shell(rng: Random, mail: boolean): string {
  const out = ['#!/bin/sh', 'set -eu', ''];
  if (mail) out.push(`# ${rng.pick(MAIL_CHATTER)}`, 'if command -v sendmail >/dev/null; then', '  echo "report ready" | sendmail -t ops@example.org', 'fi', 'systemctl reload postfix || true');
  for (let l = rng.between(4, 30); l > 0; l--) out.push(`${rng.pick(['echo', 'curl -fsS', 'kubectl get', 'aws s3 cp'])} ${rng.pick(WORDS)}-${l}`);
  return `${out.join('\n')}\n`;
}

function terraform(rng: Random, mail: boolean): string {
  const out: string[] = [];
  for (let r = rng.between(1, 5); r > 0; r--) {
    out.push(`resource "aws_s3_bucket" "${rng.pick(WORDS)}_${r}" {`, `  bucket = "${rng.pick(WORDS)}-${rng.int(10000)}"`, '  tags = {', `    team = "${rng.pick(WORDS)}"`, '  }', '}', '');
  }
  if (mail) out.push('# The postfix relay hosts are in the mail module.', 'variable "smtp_relay" {', '  default = "postfix.internal:25"', '}', '');
  return out.join('\n');
}

function workflow(rng: Random, mail: boolean): string {
  const out = ['name: ci', 'on: [push, pull_request]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4'];
  for (let s = rng.between(2, 8); s > 0; s--) out.push(`      - run: ${rng.pick(['npm test', 'make lint', 'go test ./...', 'pytest'])}`);
  if (mail) out.push('      # postfix is not needed in CI: mail is mocked.');
  return `${out.join('\n')}\n`;
}

function json(rng: Random): string {
  const fields: Record<string, unknown> = { name: `@example/${rng.pick(WORDS)}`, version: `1.${rng.int(40)}.${rng.int(9)}`, private: true, scripts: { build: 'tsc', test: 'node --test' } };
  for (let d = rng.between(1, 8); d > 0; d--) fields[`${rng.pick(WORDS)}${d}`] = rng.pick(WORDS);
  return `${JSON.stringify(fields, null, 2)}\n`;
}

function packageFiles(rng: Random, root: string, count: number, out: GeneratedFile[]): void {
  for (let i = 0; i < count; i++) {
    const ext = rng.pick(['js', 'js', 'js', 'js', 'd.ts', 'json', 'md', 'map']);
    const text = ext === 'json' ? json(rng) : ext === 'md' ? markdown(rng, rng.chance(0.02)) : typescript(rng, false);
    out.push({ path: `${root}/${i === 0 ? 'package.json' : `lib/${rng.pick(WORDS)}-${i}.${ext}`}`, text: i === 0 ? json(rng) : text });
  }
}

/**
 * The tree: planted configurations first (their folders hold nothing else),
 * then filler up to `spec.files`.
 */
export function monorepo(spec: TreeSpec): Monorepo {
  const rng = new Random(spec.seed);
  // A few hundred planted configurations in the 100k tree: every kind, open and safe.
  const planted = plant(Math.max(1, Math.round(spec.files / 14000)));
  const files: GeneratedFile[] = [];
  for (const p of planted) for (const [path, text] of Object.entries(p.files)) files.push({ path, text });

  files.push({ path: '.gitignore', text: 'node_modules/\n*.log\n/tmp/\n' });
  files.push({ path: 'README.md', text: `# Example monorepo\n\n${MAIL_CHATTER.join('\n\n')}\n` });
  files.push({ path: 'docs/mail/relay.md', text: markdown(rng, true) });

  // A few multi-MB binaries: rg reads them, relaygate never should.
  const binaries = spec.files >= 50000 ? 4 : 2;
  for (let b = 0; b < binaries; b++) {
    const name = ['assets/video/onboarding.mp4', 'tools/bin/protoc-linux-x86_64', 'data/models/classifier.bin', 'tools/bin/terraform-provider'][b] as string;
    files.push({ path: name, binary: { size: (3 + b) * 1024 * 1024, seed: spec.seed + b } });
  }

  // node_modules: about 12% of the tree, ignored by git (rg skips it too).
  const ignoredTarget = Math.round(spec.files * 0.12);
  let ignored = 0;
  for (let p = 0; ignored < ignoredTarget; p++) {
    const count = Math.min(ignoredTarget - ignored, rng.between(5, 60));
    packageFiles(rng, `node_modules/${rng.pick(WORDS)}-${p}`, count, files);
    ignored += count;
  }

  let app = 0;
  while (files.length < spec.files) {
    const kind = rng.int(100);
    const name = `${rng.pick(WORDS)}-${app++}`;
    if (kind < 42) {
      // A service: code, tests, a README, sometimes a Dockerfile and a script.
      const language = rng.pick(['ts', 'ts', 'go', 'py']);
      const dir = `services/${name}`;
      for (let f = rng.between(6, 40); f > 0; f--) {
        const mail = rng.chance(0.03);
        const text = language === 'ts' ? typescript(rng, mail) : language === 'go' ? golang(rng, mail) : python(rng, mail);
        files.push({ path: `${dir}/${rng.chance(0.2) ? 'test' : 'src'}/${rng.pick(WORDS)}_${f}.${language}`, text });
      }
      files.push({ path: `${dir}/README.md`, text: markdown(rng, rng.chance(0.15)) });
      if (rng.chance(0.5)) files.push({ path: `${dir}/Dockerfile`, text: dockerfile(rng, rng.chance(0.1)) });
      if (rng.chance(0.4)) files.push({ path: `${dir}/scripts/${rng.pick(WORDS)}.sh`, text: shell(rng, rng.chance(0.15)) });
      if (language === 'ts') files.push({ path: `${dir}/package.json`, text: json(rng) });
    } else if (kind < 62) {
      // Kubernetes manifests of an app.
      const dir = `k8s/${rng.pick(['prod', 'staging', 'dev'])}/${name}`;
      files.push({ path: `${dir}/deployment.yaml`, text: deployment(rng, name, rng.chance(0.25)) });
      files.push({ path: `${dir}/service.yaml`, text: service(name) });
      files.push({ path: `${dir}/configmap.yaml`, text: configMap(rng, name, rng.chance(0.25)) });
      for (let f = rng.between(0, 4); f > 0; f--) files.push({ path: `${dir}/${rng.pick(['hpa', 'pdb', 'ingress', 'networkpolicy'])}-${f}.yaml`, text: service(`${name}-${f}`) });
    } else if (kind < 70) {
      const dir = `terraform/${rng.pick(['aws', 'gcp'])}/${name}`;
      for (let f = rng.between(2, 8); f > 0; f--) files.push({ path: `${dir}/${rng.pick(['main', 'variables', 'outputs', 'iam', 'network'])}-${f}.tf`, text: terraform(rng, rng.chance(0.1)) });
    } else if (kind < 80) {
      const dir = `docs/${name}`;
      for (let f = rng.between(2, 12); f > 0; f--) files.push({ path: `${dir}/${rng.pick(WORDS)}-${f}.md`, text: markdown(rng, rng.chance(0.1)) });
      if (rng.chance(0.5)) files.push({ path: `${dir}/diagram-${app}.png`, binary: { size: rng.between(2, 40) * 1024, seed: app } });
    } else if (kind < 88) {
      const dir = `packages/${name}`;
      files.push({ path: `${dir}/package.json`, text: json(rng) });
      files.push({ path: `${dir}/tsconfig.json`, text: json(rng) });
      for (let f = rng.between(4, 30); f > 0; f--) files.push({ path: `${dir}/src/${rng.pick(WORDS)}-${f}.ts`, text: typescript(rng, rng.chance(0.02)) });
    } else if (kind < 94) {
      files.push({ path: `.github/workflows/${name}.yml`, text: workflow(rng, rng.chance(0.1)) });
      files.push({ path: `ci/scripts/${name}.sh`, text: shell(rng, rng.chance(0.2)) });
    } else {
      const dir = `config/${name}`;
      for (let f = rng.between(1, 6); f > 0; f--) {
        const ext = rng.pick(['yaml', 'json', 'conf', 'txt', 'ini']);
        files.push({ path: `${dir}/${rng.pick(WORDS)}-${f}.${ext}`, text: ext === 'json' ? json(rng) : `# ${rng.chance(0.2) ? rng.pick(MAIL_CHATTER) : LOREM.slice(0, 60)}\n${rng.pick(WORDS)}: ${rng.int(100)}\n` });
      }
      files.push({ path: `${dir}/OWNERS`, text: `${rng.pick(WORDS)}-team\n` });
    }
  }
  return { files, planted, ignored };
}
