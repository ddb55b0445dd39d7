/** Saved diffs of main.cf files, as GNU diff writes them: what discovery sets aside when Postfix would refuse them. */

/** `diff -y` output of two main.cf files (tabs to the gutter, as GNU diff writes it). */
export const SIDE_BY_SIDE = [
  'myhostname = mx.example.test\t\t\t\t\t\tmyhostname = mx.example.test',
  'inet_interfaces = all\t\t\t\t\t      |\tinet_interfaces = loopback-only',
  'mynetworks = 127.0.0.0/8\t\t\t\t\tmynetworks = 127.0.0.0/8',
  'smtpd_banner = $myhostname ESMTP\t\t\t      <',
  '\t\t\t\t\t\t\t      >\trelayhost = [smtp.example.test]',
  '',
].join('\n');

export const UNIFIED = ['--- main.cf.orig', '+++ main.cf', '@@ -1,2 +1,2 @@', ' myhostname = mx.example.test', '-inet_interfaces = loopback-only', '+inet_interfaces = all', ''].join('\n');
