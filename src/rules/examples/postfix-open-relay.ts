import type { RuleExamples } from '../rule.js';

const HEADER = '# /etc/postfix/main.cf (no master.cf beside it: the stock one, smtpd on every address)\ncompatibility_level = 3.6\ninet_interfaces = all\n';

export const examples: RuleExamples = {
  failing: {
    title:
      'smtpd_client_restrictions passes the STIG token check, yet mynetworks trusts every address, so the default smtpd_relay_restrictions (permit_mynetworks first) relays for anyone.',
    files: {
      'postfix/main.cf': `${HEADER}mynetworks = 0.0.0.0/0\nsmtpd_client_restrictions = permit_mynetworks, reject\n`,
    },
  },
  passing: {
    title: 'The same server trusting only loopback: an untrusted client is refused at the client restrictions, and the relay restrictions defer foreign domains.',
    files: {
      'postfix/main.cf': `${HEADER}mynetworks = 127.0.0.0/8 [::1]/128\nsmtpd_client_restrictions = permit_mynetworks, reject\n`,
    },
  },
};
