import type { RuleExamples } from '../rule.js';

const MAIN = 'inet_interfaces = all\nmynetworks = 192.0.2.0/24\n';

export const examples: RuleExamples = {
  failing: {
    title: 'A relaygate-ignore comment without a reason: it suppresses nothing, and says so.',
    files: {
      'postfix/main.cf': `${MAIN}# relaygate-ignore stig-postfix-relay\nsmtpd_client_restrictions = permit_mynetworks, permit_sasl_authenticated, permit\n`,
    },
  },
  passing: {
    title: 'The same suppression with its reason after a colon: the finding is suppressed, with that reason.',
    files: {
      'postfix/main.cf': `${MAIN}# relaygate-ignore stig-postfix-relay: lab smarthost behind the firewall, ISSO ticket SEC-1234\nsmtpd_client_restrictions = permit_mynetworks, permit_sasl_authenticated, permit\n`,
    },
  },
};
