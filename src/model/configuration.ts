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
  /** A template of an engine relaygate does not know (its syntax fits none its name suggests): its tags are unknown. */
  | 'unknown-template'
  | 'shell'
  | 'dockerfile'
  | 'ansible'
  | 'cloud-init'
  | 'kubernetes'
  | 'salt'
  | 'chef'
  | 'puppet';

/** What every MTA's configuration model shares. */
export interface ConfigurationBase {
  mta: Mta;
  /** Files that make up this configuration, POSIX paths relative to the scan root. */
  files: string[];
  /**
   * Every repository path whose content or presence decides this
   * configuration (./inputs.ts): its files, the provisioning files replayed
   * into it, the files it copies or templates in, every variables file and
   * directory its rendering looked up, found or not. Set by the sources
   * stage from what its readers actually read; absent means unknown, and
   * the pull-request scope then keeps every finding of it.
   */
  inputs?: string[];
  form: Form;
  /** Problems met while reading; fatal ones become `config-unreadable` findings. */
  diagnostics: Diagnostic[];
}

export interface ConfigurationSummary {
  mta: Mta;
  files: string[];
  /** ConfigurationBase.inputs, with the `--vars` files and the settings file every configuration depends on. */
  inputs: string[];
  form: Form;
  /** Where the server accepts SMTP connections (`*:smtp (inet_interfaces = all)`, `127.0.0.1:smtp`) and how far that reaches. */
  listens?: { address: string; reach: 'loopback' | 'exposed' | 'unknown' }[];
}
