/**
 * The services of the master.cf a distribution's postfix package installs
 * (Debian's /usr/share/postfix/master.cf.dist of postfix 3.7, and the RHEL
 * family's, which keeps Postfix's own layout with chroot off), in Postfix's
 * column layout. Only the service entries are kept, enabled and commented
 * out, the ones a sed or a postconf -M# edit turns on or off; the prose
 * comments of the packaged file are not.
 */
import type { Base } from './base.js';

function services(chroot: 'y' | 'n'): string {
  const c = chroot;
  return `smtp      inet  n       -       ${c}       -       -       smtpd
#smtp      inet  n       -       ${c}       -       1       postscreen
#smtpd     pass  -       -       ${c}       -       -       smtpd
#dnsblog   unix  -       -       ${c}       -       0       dnsblog
#tlsproxy  unix  -       -       ${c}       -       0       tlsproxy
#127.0.0.1:submission inet n -   ${c}       -       -       smtpd
#submission inet n       -       ${c}       -       -       smtpd
#  -o syslog_name=postfix/submission
#  -o smtpd_tls_security_level=encrypt
#  -o smtpd_sasl_auth_enable=yes
#  -o smtpd_tls_auth_only=yes
#  -o smtpd_reject_unlisted_recipient=no
#  -o smtpd_client_restrictions=
#  -o smtpd_helo_restrictions=
#  -o smtpd_sender_restrictions=
#  -o smtpd_relay_restrictions=
#  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
#  -o milter_macro_daemon_name=ORIGINATING
#127.0.0.1:submissions inet n  -       ${c}       -       -       smtpd
#submissions     inet  n       -       ${c}       -       -       smtpd
#  -o syslog_name=postfix/submissions
#  -o smtpd_tls_wrappermode=yes
#  -o smtpd_sasl_auth_enable=yes
#  -o smtpd_reject_unlisted_recipient=no
#  -o smtpd_client_restrictions=
#  -o smtpd_helo_restrictions=
#  -o smtpd_sender_restrictions=
#  -o smtpd_relay_restrictions=
#  -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject
#  -o milter_macro_daemon_name=ORIGINATING
#628       inet  n       -       ${c}       -       -       qmqpd
pickup    unix  n       -       ${c}       60      1       pickup
cleanup   unix  n       -       ${c}       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       ${c}       1000?   1       tlsmgr
rewrite   unix  -       -       ${c}       -       -       trivial-rewrite
bounce    unix  -       -       ${c}       -       0       bounce
defer     unix  -       -       ${c}       -       0       bounce
trace     unix  -       -       ${c}       -       0       bounce
verify    unix  -       -       ${c}       -       1       verify
flush     unix  n       -       ${c}       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       ${c}       -       -       smtp
relay     unix  -       -       ${c}       -       -       smtp
        -o syslog_name=postfix/$service_name
showq     unix  n       -       ${c}       -       -       showq
error     unix  -       -       ${c}       -       -       error
retry     unix  -       -       ${c}       -       -       error
discard   unix  -       -       ${c}       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       ${c}       -       -       lmtp
anvil     unix  -       -       ${c}       -       1       anvil
scache    unix  -       -       ${c}       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
`;
}

/** The packaged master.cf's entries, or null when the base is not known (its services are not either). */
export function packagedMasterCf(base: Base['name']): string | null {
  if (base === 'debian') return services('y');
  if (base === 'rhel') return services('n');
  return null;
}
