import type { RuleExamples } from '../rule.js';

const conf = (lastRule: string, table = ''): string =>
  [
    'table aliases { postmaster = root }',
    ...(table === '' ? [] : [table]),
    'listen on 0.0.0.0',
    '',
    'action "local" mbox alias <aliases>',
    'action "outbound" relay',
    '',
    'match from any for domain "example.org" action "local"',
    'match for local action "local"',
    lastRule,
    '',
  ].join('\n');

export const examples: RuleExamples = {
  failing: {
    title: 'OpenSMTPD listens on every IPv4 address and `!from local` matches every client that is not this host: anyone may relay through it.',
    files: { 'opensmtpd/smtpd.conf': conf('match !from local for any action "outbound"') },
  },
  passing: {
    title: 'The same OpenSMTPD relaying only for its office network.',
    files: { 'opensmtpd/smtpd.conf': conf('match from src <office> for any action "outbound"', 'table office { 192.0.2.0/24 }') },
  },
};
