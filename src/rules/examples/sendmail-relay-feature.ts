import type { RuleExamples } from '../rule.js';

const HEAD = "divert(-1)dnl\ninclude(`/usr/share/sendmail/cf/m4/cf.m4')dnl\nOSTYPE(`debian')dnl\nDAEMON_OPTIONS(`Family=inet, Name=MTA-v4, Port=smtp')dnl\n";

export const examples: RuleExamples = {
  failing: {
    title: 'sendmail listens on every address and FEATURE(`relay_based_on_MX\') relays for any domain whose MX record points at this host.',
    files: { 'mail/sendmail.mc': `${HEAD}FEATURE(\`relay_based_on_MX')dnl\nMAILER(\`smtp')dnl\n` },
  },
  passing: {
    title: 'The same sendmail relaying only for the domains of its class R.',
    files: { 'mail/sendmail.mc': `${HEAD}FEATURE(\`access_db')dnl\nMAILER(\`smtp')dnl\n` },
  },
};
