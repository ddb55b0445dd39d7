// Differential test: relaygate's relay decision (src/mta/postfix/relay-decision.ts)
// against the real smtpd's, session by session (test/helpers/smtpd-relay.ts
// says how smtpd is driven: as the postfix user, XCLIENT for the client,
// a master running trivial-rewrite, a cleanup socket that tells "accepted").
//
// For every configuration relaygate picks its attackers (client address,
// HELO or none, foreign recipient); each one's session is replayed through
// smtpd and must end the same way: accepted where relaygate says every path
// accepts, refused where none does. An "unknown" session (an access map, an
// unknown restriction) may end either way and is only counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PostfixParameters } from '../../src/mta/postfix/effective.js';
import { postfixFatalDiagnostics } from '../../src/mta/postfix/fatal.js';
import { parseMainCf } from '../../src/mta/postfix/main-cf.js';
import { parseMasterCf } from '../../src/mta/postfix/master-cf.js';
import type { MasterService, PostfixConfiguration } from '../../src/mta/postfix/model.js';
import { attackers, evaluateSession, type Attacker } from '../../src/mta/postfix/relay-decision.js';
import { smtpdWouldRefuseToStart } from '../../src/mta/postfix/smtpd-startup.js';
import { startupProblems } from '../../src/mta/postfix/startup-problems.js';
import { pool } from '../helpers/postconf.js';
import { Random } from '../helpers/random.js';
import { generateRelayConfig, type GeneratedRelayConfig } from '../helpers/relay-generator.js';
import { RelayOracle, requireRelayOracle, type OracleVerdict } from '../helpers/smtpd-relay.js';

interface Case extends GeneratedRelayConfig {
  name: string;
}

const HAND: Case[] = [
  { name: 'Postfix 3.6+ defaults: defer_unauth_destination', main: 'compatibility_level = 3.6\n', overrides: [] },
  { name: 'permit in the relay list, reject_unauth_destination in the recipient list', main: 'smtpd_relay_restrictions = permit\nsmtpd_recipient_restrictions = reject_unauth_destination\n', overrides: [] },
  { name: 'world-wide mynetworks', main: 'compatibility_level = 3.6\nmynetworks = 0.0.0.0/0\n', overrides: [] },
  { name: 'mynetworks negates the first attacker only', main: 'compatibility_level = 3.6\nmynetworks = !203.0.113.7, 0.0.0.0/0\n', overrides: [] },
  { name: 'warn_if_reject disarms the relay check', main: 'smtpd_relay_restrictions = warn_if_reject reject_unauth_destination\nsmtpd_recipient_restrictions = reject_rbl_client reject\n', overrides: [] },
  { name: 'warn_if_reject before a class covers the whole class', main: 'smtpd_restriction_classes = strict\nstrict = reject_unauth_destination reject\nsmtpd_relay_restrictions = warn_if_reject strict, reject_unauth_destination\n', overrides: [] },
  { name: 'defer_if_permit refuses a later permit', main: 'smtpd_relay_restrictions = defer_if_permit, permit, reject\n', overrides: [] },
  { name: 'helo restrictions do not apply without HELO', main: 'compatibility_level = 3.6\nmynetworks = 127.0.0.0/8\nsmtpd_helo_restrictions = reject\nsmtpd_relay_restrictions = permit, reject\nsmtpd_recipient_restrictions = reject_unauth_destination\n', overrides: [] },
  { name: 'helo restrictions apply with smtpd_helo_required', main: 'smtpd_helo_required = yes\nsmtpd_helo_restrictions = reject\nsmtpd_relay_restrictions = permit, reject\nsmtpd_recipient_restrictions = reject_unauth_destination\n', overrides: [] },
  { name: 'permit_naked_ip_address lets a bare IP HELO relay', main: 'smtpd_recipient_restrictions = permit_naked_ip_address, reject_unauth_destination\n', overrides: [] },
  { name: 'relay_domains matches the recipient as a parent domain', main: 'relay_domains = example\nsmtpd_relay_restrictions = reject_unauth_destination\n', overrides: [] },
  { name: 'relay_domains = static:all relays to every domain', main: 'relay_domains = static:all\nsmtpd_relay_restrictions = reject_unauth_destination\n', overrides: [] },
  { name: 'an invalid mynetworks network is a lookup failure', main: 'mynetworks = 1.2.3.4/8\nsmtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n', overrides: [] },
  { name: 'a bare IPv6 mynetworks item stops smtpd', main: 'compatibility_level = 3.6\nmynetworks = ::1/128\n', overrides: [] },
  { name: 'a restriction class without a definition stops smtpd', main: 'compatibility_level = 3.6\nsmtpd_restriction_classes = nothing\n', overrides: [] },
  { name: 'check_relay_domains permits a client named in relay_domains', main: 'relay_domains = example\nsmtpd_recipient_restrictions = check_relay_domains\n', overrides: [] },
  { name: 'an override opens the submission service', main: 'compatibility_level = 3.6\nsmtpd_recipient_restrictions = reject_unauth_destination\n', overrides: ['smtpd_relay_restrictions=permit_mynetworks,permit'] },
  { name: 'client restrictions refuse everyone at RCPT time', main: 'smtpd_client_restrictions = permit_mynetworks, reject\nsmtpd_relay_restrictions = permit, reject\nsmtpd_recipient_restrictions = reject_unauth_destination\n', overrides: [] },
];

function generated(count: number): Case[] {
  const r = new Random(Number(process.env.RELAYGATE_RELAY_SEED ?? 110));
  return Array.from({ length: count }, (_, i) => {
    const c = generateRelayConfig(r);
    return { name: `generated ${i}: ${JSON.stringify(c.main)} ${c.overrides.join(' ')}`, ...c };
  });
}

function service(overrides: readonly string[]): MasterService {
  const parsed = parseMasterCf({ path: 'master.cf', text: 'smtp inet n - n - - smtpd\n' }).services[0];
  if (parsed === undefined) throw new Error('no service');
  return {
    ...parsed,
    overrides: overrides.map((o) => {
      const eq = o.indexOf('=');
      return { name: o.slice(0, eq), value: o.slice(eq + 1), span: parsed.span };
    }),
  };
}

interface Ours {
  refuses: boolean | 'unknown';
  sessions: Array<{ attacker: Attacker; verdict: 'accepted' | 'refused' | 'unknown' }>;
}

function ours(c: Case): Ours {
  const mainCf = parseMainCf({ path: 'main.cf', text: c.main });
  const smtpd = service(c.overrides);
  const config: PostfixConfiguration = { mta: 'postfix', directory: '.', files: ['main.cf'], form: 'plain', diagnostics: [], mainCf, masterCf: null };
  const parameters = new PostfixParameters(mainCf, smtpd);
  const required = smtpdWouldRefuseToStart(config, smtpd);
  const problems = startupProblems(parameters);
  // What stops smtpd and is config-unreadable (a restriction class without a definition, a macro error).
  const fatal = postfixFatalDiagnostics({ ...config, masterCf: { file: 'master.cf', services: [smtpd], diagnostics: [] } });
  const refuses = required === true || problems.some((p) => !p.unknown) || fatal.length > 0 ? true : required === 'unknown' ? 'unknown' : false;
  // The oracle speaks plaintext only.
  const sessions = attackers(parameters)
    .filter((a) => !a.tls)
    .map((attacker) => {
      const s = evaluateSession(parameters, attacker);
      const accepted = s.paths.filter((p) => p.accepted).length;
      const verdict = s.truncated ? 'unknown' : accepted === s.paths.length ? 'accepted' : accepted === 0 ? 'refused' : 'unknown';
      return { attacker, verdict } as const;
    });
  return { refuses, sessions };
}

interface Compared {
  disagreements: string[];
  definite: number;
  unknown: number;
  accepted: number;
  refused: number;
  refusesToStart: number;
}

async function compare(c: Case): Promise<Compared> {
  const mine = ours(c);
  const result: Compared = { disagreements: [], definite: 0, unknown: 0, accepted: 0, refused: 0, refusesToStart: 0 };
  const oracle = await RelayOracle.start(c.main);
  try {
    for (const { attacker, verdict } of mine.sessions) {
      const theirs = await oracle.session(attacker, c.overrides);
      const label = `${c.name} [${attacker.address} helo=${attacker.helo ?? '-'} to ${attacker.recipient}]`;
      if (theirs.verdict === 'failed') {
        result.disagreements.push(`${label}: the oracle session failed:\n${theirs.transcript}`);
        continue;
      }
      if (theirs.verdict === 'refuses-to-start') {
        result.refusesToStart++;
        if (mine.refuses === false) result.disagreements.push(`${label}: smtpd refuses to start, relaygate says it starts\n${theirs.transcript}`);
        else result.definite++;
        break;
      }
      if (mine.refuses === true) {
        result.disagreements.push(`${label}: relaygate says smtpd refuses to start, smtpd ${theirs.verdict} the recipient`);
        break;
      }
      if (theirs.verdict === 'accepted') result.accepted++;
      else result.refused++;
      if (verdict === 'unknown') {
        result.unknown++;
        continue;
      }
      const expected: OracleVerdict = verdict;
      if (expected !== theirs.verdict) result.disagreements.push(`${label}: smtpd ${theirs.verdict}, relaygate ${verdict}\n${theirs.transcript}`);
      else result.definite++;
    }
  } finally {
    await oracle.stop();
  }
  return result;
}

test('relay decision: relaygate agrees with smtpd session by session', { timeout: 600_000 }, async (t) => {
  if (!requireRelayOracle(t)) return;
  const cases = [...HAND, ...generated(Number(process.env.RELAYGATE_RELAY_CASES ?? 120))];
  const results = await pool(cases, 4, compare);
  await RelayOracle.drain();
  const total = results.reduce(
    (a, r) => ({
      definite: a.definite + r.definite,
      unknown: a.unknown + r.unknown,
      accepted: a.accepted + r.accepted,
      refused: a.refused + r.refused,
      refusesToStart: a.refusesToStart + r.refusesToStart,
    }),
    { definite: 0, unknown: 0, accepted: 0, refused: 0, refusesToStart: 0 },
  );
  t.diagnostic(`${cases.length} configurations: ${total.definite} sessions agree, ${total.unknown} unknown to relaygate; smtpd accepted ${total.accepted}, refused ${total.refused}, refused to start in ${total.refusesToStart}`);
  // Guards against an oracle that never ran: every outcome must occur.
  assert.ok(total.accepted >= 10 && total.refused >= 10 && total.refusesToStart >= 5, JSON.stringify(total));
  assert.deepEqual(results.flatMap((r) => r.disagreements), []);
});
