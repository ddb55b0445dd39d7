import type { RuleExamples } from '../rule.js';

export const examples: RuleExamples = {
  failing: {
    title: 'A main.cf line without "=": postfix exits on it ("missing \'=\' after attribute name"), so relaygate cannot judge the file.',
    files: { 'postfix/main.cf': 'myhostname = mx.example.org\ninet_interfaces loopback-only\n' },
  },
  passing: {
    title: 'The same main.cf as Postfix accepts it.',
    files: { 'postfix/main.cf': 'myhostname = mx.example.org\ninet_interfaces = loopback-only\n' },
  },
};
