import type { RuleExamples } from '../rule.js';

const HEADER =
  '# /etc/postfix/main.cf (no master.cf beside it: the stock one, smtpd on every address)\ncompatibility_level = 3.6\ninet_interfaces = all\nsmtpd_client_restrictions = permit_mynetworks, reject\n';

export const examples: RuleExamples = {
  failing: {
    title: 'A "temporary" entry in mynetworks trusts every IPv4 address: every client is a trusted client.',
    files: { 'postfix/main.cf': `${HEADER}mynetworks = 127.0.0.0/8, [::1]/128, 0.0.0.0/0\n` },
  },
  passing: {
    title: 'mynetworks lists loopback and one private office subnet.',
    files: { 'postfix/main.cf': `${HEADER}mynetworks = 127.0.0.0/8, [::1]/128, 192.168.10.0/24\n` },
  },
};
