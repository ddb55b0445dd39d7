/**
 * A Docker image whose Dockerfile keeps Postfix on loopback before it runs a
 * script that opens the relay. A change to the Dockerfile that stops it
 * running the script (deleting it, or dropping the RUN) regroups the script:
 * judged on its own, over the stock main.cf, it brings the findings below,
 * and none of that configuration's inputs changed.
 */
export const LOOPBACK_IMAGE: Readonly<Record<string, string>> = {
  'img/Dockerfile': 'FROM debian:12\nRUN apt-get install -y postfix && postconf -e inet_interfaces=loopback-only\nCOPY setup.sh /setup.sh\nRUN sh /setup.sh\n',
  'img/setup.sh': '#!/bin/sh\npostconf -e mynetworks=0.0.0.0/0 smtpd_relay_restrictions=permit_mynetworks,reject\n',
};

/** What setup.sh brings judged alone: rule, file, line, column, certainty. */
export const SETUP_ALONE = [
  ['stig-postfix-relay', 'img/setup.sh', 2, 13, 'indeterminate'],
  ['postfix-broad-mynetworks', 'img/setup.sh', 2, 24, 'indeterminate'],
  ['postfix-open-relay', 'img/setup.sh', 2, 59, 'indeterminate'],
] as const;
