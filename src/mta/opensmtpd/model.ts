import type { ConfigurationBase } from '../../model/configuration.js';
import type { Span } from '../../model/span.js';

export interface TableEntry {
  key: string;
  value: string | null;
  span: Span;
}

/** A table: `table NAME { ... }`, `table NAME file:/path`, or a value written in place (`from src 192.0.2.0/24`). */
export interface SmtpdTable {
  name: string;
  backend: string;
  /** The file or backend configuration (`/etc/mail/aliases`); null for a table written in the file. */
  config: string | null;
  /** The entries, when written in the file; null when they live elsewhere (a file, a database). */
  entries: TableEntry[] | null;
  type: 'list' | 'hash' | 'unknown';
  span: Span;
}

export type TlsMode = 'none' | 'starttls' | 'tls-require' | 'smtps';

/** `listen on ...` (or the local socket, always there). */
export interface SmtpdListener {
  kind: 'socket' | 'interface';
  /** The interface, address or host name after `listen on`. */
  on: string;
  port: number | null;
  family: 'inet4' | 'inet6' | null;
  tls: TlsMode;
  /** `auth`: clients must authenticate before they send mail; `auth-optional`: they may. */
  auth: 'none' | 'optional' | 'required';
  tag: string | null;
  span: Span;
  onSpan: Span;
  /** A listener relaygate could not read (unresolved template values, an included file). */
  unknown?: boolean;
}

export type ActionKind = 'relay' | 'mbox' | 'maildir' | 'lmtp' | 'mda' | 'forward-only' | 'expand-only';

export interface SmtpdAction {
  name: string;
  kind: ActionKind;
  span: Span;
}

export type ConditionKind = 'from' | 'for' | 'tag' | 'helo' | 'tls' | 'auth' | 'mail-from' | 'rcpt-to';

/**
 * One option of a `match` rule. `from mail-from`, `from auth` and
 * `for rcpt-to` are kept as parse.y records them: `from any` plus a
 * mail-from / auth option, `for any` plus an rcpt-to option.
 */
export interface MatchCondition {
  kind: ConditionKind;
  negated: boolean;
  /** from: any, local, socket, src, rdns; for: any, local, domain; tls/auth: '' */
  what: string;
  regex: boolean;
  table: SmtpdTable | null;
  span: Span;
  /** Set by parse.y itself (the `from any` of `from mail-from`): not written by the user. */
  implied?: boolean;
}

export interface MatchRule {
  conditions: MatchCondition[];
  /** The action's name; null for `reject`. */
  action: string | null;
  span: Span;
  /** `from` was not written: it defaults to `from local` (likewise `for local`). */
  defaultFrom: boolean;
  defaultFor: boolean;
  /** Stands for what relaygate cannot read: an included file, a rule with unresolved template values. */
  unknown?: boolean;
}

export interface SmtpdConfig {
  listeners: SmtpdListener[];
  actions: Map<string, SmtpdAction>;
  rules: MatchRule[];
  tables: Map<string, SmtpdTable>;
  /** `include` of a file relaygate cannot see: anything may be there. */
  includes: Span[];
  /** Rules written in the grammar before OpenSMTPD 6.4 (`accept from any for any relay`). */
  legacy: { span: Span; text: string }[];
  /** Tokens that came from template values relaygate could not resolve. */
  unknowns: { span: Span; what: string }[];
}

export interface OpenSmtpdConfiguration extends ConfigurationBase, SmtpdConfig {
  mta: 'opensmtpd';
}
