import type { Mta } from './finding.js';
import type { Diagnostic } from './span.js';

/** How the configuration reached the repository (DESIGN.md, JSON report `form`). */
export type Form =
  | 'plain'
  | 'jinja2'
  | 'erb'
  | 'epp'
  | 'go-template'
  | 'terraform'
  | 'envsubst'
  | 'shell'
  | 'dockerfile'
  | 'ansible'
  | 'cloud-init'
  | 'kubernetes'
  | 'chef'
  | 'puppet';

/** What every MTA's configuration model shares. */
export interface ConfigurationBase {
  mta: Mta;
  /** Files that make up this configuration, POSIX paths relative to the scan root. */
  files: string[];
  form: Form;
  /** Problems met while reading; fatal ones become `config-unreadable` findings. */
  diagnostics: Diagnostic[];
}

export interface ConfigurationSummary {
  mta: Mta;
  files: string[];
  form: Form;
  /** Where the server accepts SMTP connections (`*:smtp (inet_interfaces = all)`, `127.0.0.1:smtp`) and how far that reaches. */
  listens?: { address: string; reach: 'loopback' | 'exposed' | 'unknown' }[];
}
