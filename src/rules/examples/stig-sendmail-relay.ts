import type { RuleExamples } from '../rule.js';

const HEAD = "divert(-1)dnl\ninclude(`/usr/share/sendmail/cf/m4/cf.m4')dnl\nOSTYPE(`debian')dnl\nDAEMON_OPTIONS(`Family=inet, Name=MTA-v4, Port=smtp')dnl\n";

export const examples: RuleExamples = {
  failing: {
    title: 'sendmail listens on every address (no Addr=) and FEATURE(`promiscuous_relay\') lets any client relay.',
    files: { 'mail/sendmail.mc': `${HEAD}FEATURE(\`promiscuous_relay')dnl\nMAILER(\`smtp')dnl\n` },
  },
  passing: {
    title: 'The same sendmail without promiscuous_relay: it relays only for its own class R.',
    files: { 'mail/sendmail.mc': `${HEAD}FEATURE(\`access_db')dnl\nMAILER(\`smtp')dnl\n` },
  },
};
