// Benchmark: scan a generated monorepo and report throughput.
// `npm run bench [-- files=20000 configs=400]` — numbers are printed, never asserted.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultOptions } from '../src/config/options.js';
import { scan } from '../src/scan.js';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.split('=') as [string, string]));
const files = Number(args.files ?? 20000);
const configs = Number(args.configs ?? 400);

const root = mkdtempSync(path.join(os.tmpdir(), 'relaygate-bench-'));
try {
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, `pkg${i % 200}`, `mod${i % 37}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `file${i}.ts`), `export const x${i} = ${i};\n`);
  }
  for (let i = 0; i < configs; i++) {
    const dir = path.join(root, 'roles', `mail${i}`, 'files', i % 2 ? 'postfix' : 'mail');
    mkdirSync(dir, { recursive: true });
    if (i % 2) {
      const lines = ['compatibility_level = 3.6', `myhostname = mx${i}.example.org`];
      for (let k = 0; k < 200; k++) lines.push(`# comment ${k}`, `param_${k} = value ${k}, $myhostname`, `    continued ${k}`);
      // Every fourth instance is an open relay, so the rules do real work.
      lines.push('inet_interfaces = all', 'smtpd_client_restrictions = permit_mynetworks,', i % 4 === 1 ? '    permit' : '    reject');
      writeFileSync(path.join(dir, 'main.cf'), `${lines.join('\n')}\n`);
      writeFileSync(path.join(dir, 'master.cf'), 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_client_restrictions=permit_sasl_authenticated,reject\n');
    } else {
      const mc = ["divert(-1)dnl", "include(`/usr/share/sendmail/cf/m4/cf.m4')dnl", "OSTYPE(`debian')dnl"];
      for (let k = 0; k < 100; k++) mc.push(`define(\`confX${k}', \`${k}')dnl`);
      mc.push("DAEMON_OPTIONS(`Port=smtp,Addr=127.0.0.1, Name=MTA')dnl", "FEATURE(`no_default_msa')dnl", "MAILER(`smtp')dnl");
      writeFileSync(path.join(dir, 'sendmail.mc'), `${mc.join('\n')}\n`);
    }
  }
  const runs: number[] = [];
  let last = null;
  for (let r = 0; r < 3; r++) {
    const t = process.hrtime.bigint();
    last = await scan(defaultOptions(root));
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const best = Math.min(...runs);
  process.stdout.write(
    `bench: ${files + configs * 1.5} files, ${last?.configurations.length ?? 0} configurations, ${last?.findings.length ?? 0} findings\n` +
      `bench: scan ms per run: ${runs.map((r) => r.toFixed(0)).join(', ')} (best ${best.toFixed(0)} ms, ` +
      `${((files / best) * 1000).toFixed(0)} files/s)\n`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
