import type { RuleExamples } from '../rule.js';

const HEADER = '# /etc/postfix/main.cf (no master.cf beside it: the stock one, smtpd on every address)\n';

export const examples: RuleExamples = {
  failing: {
    title: 'Postfix listens on every address and smtpd_client_restrictions has a bare permit and no reject.',
    files: {
      'postfix/main.cf': `${HEADER}inet_interfaces = all\nmynetworks = 127.0.0.0/8 [::1]/128\nsmtpd_client_restrictions = permit_mynetworks, permit\n`,
    },
  },
  passing: {
    title: 'The same host with the STIG value: mynetworks may relay, every other client is rejected.',
    files: {
      'postfix/main.cf': `${HEADER}inet_interfaces = all\nmynetworks = 127.0.0.0/8 [::1]/128\nsmtpd_client_restrictions = permit_mynetworks, reject\n`,
    },
  },
};
