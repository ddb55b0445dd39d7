import type { EximConfiguration } from './exim/model.js';
import type { OpenSmtpdConfiguration } from './opensmtpd/model.js';
import type { PostfixConfiguration } from './postfix/model.js';
import type { SendmailConfiguration } from './sendmail/model.js';

/** One mail server's configuration, as the rules see it. */
export type Configuration = PostfixConfiguration | SendmailConfiguration | EximConfiguration | OpenSmtpdConfiguration;
