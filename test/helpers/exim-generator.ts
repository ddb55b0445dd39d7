// Random Exim configurations for the differential tests: named lists in
// `:` and `<;` syntax with `::` escapes, negations, macros and .ifdef,
// comments and continuation lines in awkward places, RCPT ACLs of every
// verb, nested ACLs, inline ACL text; sometimes a mistake Exim refuses.
import { Random } from './random.js';

const HOSTS = ['127.0.0.1', '10.0.0.0/8', '192.168.0.0/16', '203.0.113.0/24', '198.51.100.7', '0.0.0.0/0', '*', '2001:db8::/32', '::/0', ''];
const DOMAINS = ['example.com', '*.example.com', '*', 'example.net', '+local_domains', '^.*\\.net$', 'foreign.invalid'];
const SENDERS = ['a@example.org', '*@example.org', '*@example.com', ':', 'example.org', '^a@'];
const LOCAL_PARTS = ['b', 'postmaster', '^[.]', '^.*[@%!/|]', '*'];

export const CLIENTS = ['203.0.113.5', '198.51.100.7', '10.1.2.3', '192.168.1.1', '2001:db8::5', '2001:db9::1'];
export const RECIPIENTS = ['b@example.net', 'postmaster@example.com', 'x@sub.example.com', 'b@example.org', 'c@foreign.invalid'];
export const SENDER_ADDRESSES = ['a@example.org', 'x@example.com'];

export interface GeneratedExim {
  text: string;
  client: string;
  recipient: string;
  sender: string;
  /** A mistake was put in on purpose (Exim may still accept it). */
  broken: boolean;
}

function item(r: Random, pool: readonly string[], semicolon: boolean): string {
  let it = r.pick(pool);
  if (r.chance(0.2) && it !== '' && it !== '+local_domains') it = `!${it}`;
  // A colon in an item must be doubled in a `:` list.
  if (!semicolon) it = it.replace(/:/g, '::');
  return it;
}

function list(r: Random, pool: readonly string[], n: number): string {
  const semicolon = r.chance(0.25);
  const items = Array.from({ length: n }, () => item(r, pool, semicolon));
  const sep = semicolon ? ' ; ' : ' : ';
  if (r.chance(0.2) && items.length > 1) {
    // A continuation line, sometimes with a comment line inside it.
    const cut = 1 + r.int(items.length - 1);
    const head = items.slice(0, cut).join(sep);
    const tail = items.slice(cut).join(sep);
    return `${semicolon ? '<; ' : ''}${head}${sep.trimEnd()} \\\n${r.chance(0.3) ? '# a comment in the middle\n' : ''}     ${tail}`;
  }
  return `${semicolon ? '<; ' : ''}${items.join(sep)}`;
}

function condition(r: Random, verb: string): string {
  const neg = r.chance(0.2) ? '!' : '';
  switch (r.int(9)) {
    case 0:
      return `${neg}hosts = ${list(r, HOSTS, 1 + r.int(3))}`;
    case 1:
      return `hosts = +relay_from_hosts`;
    case 2:
      return `${neg}domains = ${list(r, DOMAINS, 1 + r.int(2))}`;
    case 3:
      return `domains = +relay_to_domains`;
    case 4:
      return `${neg}senders = ${list(r, SENDERS, 1 + r.int(2))}`;
    case 5:
      return `${neg}local_parts = ${list(r, LOCAL_PARTS, 1 + r.int(2))}`;
    case 6:
      return `${neg}authenticated = *`;
    case 7:
      return `${neg}condition = ${r.pick(['yes', 'no', 'true', '0', '${if eq{$sender_helo_name}{}}', '${if >{$rcpt_count}{10}}'])}`;
    default:
      return verb === 'accept' && r.chance(0.3) ? 'endpass' : `message = ${r.pick(['relay not permitted', 'no'])}`;
  }
}

function statement(r: Random, allowAcl: boolean): string {
  const verb = r.pick(['accept', 'accept', 'deny', 'require', 'warn', 'drop', 'defer']);
  const n = r.int(3);
  const conditions = Array.from({ length: n }, () => condition(r, verb));
  if (allowAcl && r.chance(0.15)) conditions.push(`${r.chance(0.5) ? '!' : ''}acl = acl_sub`);
  if (conditions.length === 0) return `  ${verb}\n`;
  const [first, ...rest] = conditions;
  const onVerbLine = r.chance(0.5);
  const lines = onVerbLine ? [`  ${verb} ${first}`] : [`  ${verb}`, `    ${first}`];
  for (const c of rest) lines.push(`    ${c}`);
  return `${lines.join('\n')}\n`;
}

export function generateExim(r: Random): GeneratedExim {
  const lines: string[] = [];
  let broken = false;
  const useMacro = r.chance(0.3);
  if (useMacro) lines.push(`NETS = ${list(r, HOSTS, 1 + r.int(2)).replace(/\n/g, ' ')}`);
  const flag = r.chance(0.3);
  if (flag) lines.push('FLAG = 1');
  if (r.chance(0.2)) lines.push('# a comment # with hashes');
  lines.push(`hostlist relay_from_hosts = ${useMacro && r.chance(0.6) ? 'NETS' : list(r, HOSTS, 1 + r.int(3))}`);
  lines.push(`domainlist local_domains = ${r.pick(['example.org', 'example.org : localhost', '<; example.org ; example.com'])}`);
  lines.push(`domainlist relay_to_domains = ${list(r, DOMAINS.filter((d) => d !== '+relay_to_domains'), 1 + r.int(2))}`);
  if (r.chance(0.2)) lines.push(`qualify_domain = ${r.pick(['example.org', '"example.org"'])}`);
  const rcpt = r.int(10);
  if (rcpt < 7) lines.push('acl_smtp_rcpt = acl_check_rcpt');
  else if (rcpt < 9) lines.push(`acl_smtp_rcpt = ${r.pick(['accept', 'deny', 'accept hosts = 10.0.0.0/8', 'acl_missing'])}`);
  if (r.chance(0.15)) lines.push(`acl_smtp_mail = ${r.pick(['acl_check_mail', 'deny', 'accept'])}`);
  if (r.chance(0.08)) {
    broken = true;
    lines.push(r.pick(['relay_everything = yes', 'qualify_domain', 'no_qualify_domain', 'hostlist broken 1.2.3.4', 'NETS = again', 'prdr_enable = sometimes']));
  }
  lines.push('begin acl');
  lines.push('acl_check_rcpt:');
  const n = 1 + r.int(5);
  for (let i = 0; i < n; i++) {
    const st = statement(r, true);
    if (flag && r.chance(0.2)) lines.push(r.chance(0.5) ? '.ifdef FLAG' : '.ifndef FLAG', st.trimEnd(), '.endif');
    else lines.push(st.trimEnd());
  }
  if (r.chance(0.6)) lines.push('  deny message = relay not permitted');
  lines.push('acl_sub:');
  for (let i = 0; i < 1 + r.int(2); i++) lines.push(statement(r, false).trimEnd());
  lines.push('acl_check_mail:');
  lines.push(r.chance(0.8) ? '  accept' : '  deny');
  if (r.chance(0.05)) {
    broken = true;
    lines.push(r.pick(['  permit', '  accept host = *', '  accept !message = x', '  deny endpass', '.endif']));
  }
  if (r.chance(0.04)) {
    broken = true;
    lines.splice(1, 0, '.ifdef FLAG');
  }
  return { text: `${lines.join('\n')}\n`, client: r.pick(CLIENTS), recipient: r.pick(RECIPIENTS), sender: r.pick(SENDER_ADDRESSES), broken };
}

/** A random update-exim4.conf.conf. */
export function generateDebconf(r: Random): string {
  const nets = r.pick(["''", "'0.0.0.0/0'", "'*'", "'10.0.0.0/8'", "'192.168.0.0/16 ; 10.0.0.0/8'", "'203.0.113.0/24'", "'127.0.0.1 : ::::1'", "'<; ::0/0'", "'!10.0.0.0/8'"]);
  const domains = r.pick(["''", "'*'", "'example.com'", "'*.example.com : example.net'", "'foreign.invalid'"]);
  const interfaces = r.pick(["''", "'127.0.0.1 ; ::1'", "'0.0.0.0'", "'127.0.0.1'", "'192.0.2.1 ; 127.0.0.1'"]);
  const type = r.pick(['internet', 'internet', 'local', 'smarthost', 'satellite', 'none']);
  const lines = [
    `dc_eximconfig_configtype='${type}'`,
    `dc_other_hostnames='${r.pick(['example.org', 'example.org;example.com', ''])}'`,
    `dc_local_interfaces=${interfaces}`,
    `dc_readhost=''`,
    `dc_relay_domains=${domains}`,
    `dc_minimaldns='false'`,
    `dc_relay_nets=${nets}`,
    `dc_smarthost='${type === 'smarthost' || type === 'satellite' ? '127.0.0.1::25' : ''}'`,
    `CFILEMODE='644'`,
    `dc_use_split_config='${r.pick(['true', 'false'])}'`,
    `dc_hide_mailname=''`,
    `dc_mailname_in_oh='true'`,
    `dc_localdelivery='mail_spool'`,
  ];
  if (r.chance(0.2)) lines.splice(r.int(lines.length), 0, '# edited by hand');
  return `${lines.join('\n')}\n`;
}
