import type { Form } from '../../model/configuration.js';
import type { Diagnostic, Span } from '../../model/span.js';
import type { Fragment } from './fragment.js';
import type { VariableOrigin, VariableScope } from './variables.js';

/**
 * Embedded configuration: provisioning code (shell, Dockerfiles, Ansible
 * tasks, cloud-init, Kubernetes manifests, Terraform, Packer, kickstart) does
 * not hold a mail file; it EDITS one on the target machine. Each extractor
 * turns a host file into an ordered list of edits; the instance assembler
 * (src/sources/replay/) groups edits by instance and replays them, in
 * order, over a base (a file written earlier, the distribution's packaged
 * file, or Postfix's built-in defaults).
 *
 * Every fragment's SourceMap leads back to the host file's line and column
 * (for a `postconf -e name=value` argument: the argument's span; for a YAML
 * block scalar: each content line at its own indentation).
 */

/**
 * The mail file an edit changes: Postfix's and sendmail's, and the Exim and
 * OpenSMTPD roles (`exim.conf`: a file of Exim's runtime configuration,
 * named on the target machine by the edit's `destination` or `name`;
 * `update-exim4.conf.conf`: Debian's settings file; `smtpd.conf`).
 */
export type TargetFile = 'main.cf' | 'master.cf' | 'sendmail.mc' | 'sendmail.cf' | 'exim.conf' | 'update-exim4.conf.conf' | 'smtpd.conf';

/**
 * Edits with the same key act on the same server, in order. `scope` is the
 * provisioning unit (the Dockerfile, the script, the Ansible role or
 * playbook, the cloud-init file: its repository path); `directory` is the
 * configuration directory on the target machine (`/etc/postfix` unless
 * `postconf -c DIR` or a destination path says otherwise; `/etc/mail` for sendmail).
 */
export interface InstanceKey {
  scope: string;
  directory: string;
}

interface EditBase {
  key: InstanceKey;
  /** Where the edit is written in the host file (the command, the task, the write_files entry). */
  span: Span;
  /** How the host file carries it (the JSON report's configurations[].form). */
  form: Form;
  /**
   * The edit sits under a condition relaygate could not decide (a shell `if`,
   * an Ansible `when:`, an unresolved template branch): it may or may not happen.
   */
  maybe: boolean;
  /**
   * Repository variables the edit's text was templated from (an Ansible
   * `lineinfile: line: "x = {{ v }}"`), with their defining lines: a finding
   * on the edit lists them in `related`.
   */
  variables?: { name: string; origin: VariableOrigin | null }[];
  /**
   * Set by the extract step, not by extractors: the host file and every
   * repository path its extractor read or looked for (src/model/inputs.ts).
   */
  inputs?: string[];
}

export type Edit =
  /**
   * The whole file is written: a heredoc `cat > main.cf`, `echo >`, `copy: content`, `write_files`, a ConfigMap key.
   * `name`: the file's name on the target machine where the target has several (an Exim file:
   * `exim4.conf.template`, `exim4.conf.localmacros`); absent: the target's own name.
   */
  | (EditBase & { kind: 'write'; target: TargetFile; fragment: Fragment; name?: string })
  /** Text appended: `>>`, `tee -a`, `blockinfile` (approximated as an append). */
  | (EditBase & { kind: 'append'; target: TargetFile; fragment: Fragment; name?: string })
  /**
   * Parameters set whatever the file held: `postconf -e a=b c=d`, `lineinfile`
   * with a `name = value` line. The fragment holds `name = value` lines in
   * main.cf syntax, mapped to the host file. For update-exim4.conf.conf
   * (`debconf-set-selections` answers for exim4-config), `dc_name='value'`
   * lines in that file's shell syntax.
   */
  | (EditBase & { kind: 'set'; target: 'main.cf' | 'update-exim4.conf.conf'; fragment: Fragment })
  /** Back to the default: `postconf -X name`, `postconf -# name`, `lineinfile state: absent`. */
  | (EditBase & { kind: 'unset'; target: 'main.cf'; name: string; nameSpan: Span })
  /** Replaced only if a definition exists: a `sed -i` substitution that rewrites the `name = ...` line. */
  | (EditBase & { kind: 'set-if-present'; target: 'main.cf'; name: string; fragment: Fragment })
  /** `postconf -P service/type/parameter=value`: a `-o` override on a master.cf service. */
  | (EditBase & {
      kind: 'master-set';
      target: 'master.cf';
      service: string;
      type: string;
      parameter: string;
      value: string;
      valueSpan: Span;
    })
  /**
   * A repository file becomes the target file: Dockerfile `COPY files/main.cf /etc/postfix/`,
   * Ansible `template: src=main.cf.j2 dest=/etc/postfix/main.cf`, `copy: src=...`,
   * Chef `template`/`cookbook_file`, Puppet `file { content => template(...) }`.
   * `source` is the repository path (POSIX, relative to the scan root).
   */
  | (EditBase & {
      kind: 'link';
      target: TargetFile;
      source: string;
      /** The path on the target machine, as written (`/etc/postfix/main.cf`). */
      destination?: string;
      /** The file's name there, where the target has several (see `write`); absent: the destination's name. */
      name?: string;
      /**
       * What the deploying resource passes to a template source (an Ansible
       * task: its variables at that point of the play, by precedence: role
       * defaults, group_vars, play and role vars, include_vars, set_fact,
       * role params; a Salt `file.managed`: `context:` over `defaults:` over
       * the state file's pillar; Chef `variables(...)`; Puppet
       * `epp(..., {...})`), layered above the template language's own
       * variables when it is rendered; the user's --vars stay on top.
       */
      templateVariables?: VariableScope;
    })
  /**
   * Evidence of the base the edits apply to: `FROM debian:12`, `apt-get install postfix`,
   * `dnf install postfix`, an Ansible `apt:`/`dnf:` task. `distribution` picks the
   * packaged main.cf (Debian: inet_interfaces = all; RHEL family: localhost).
   */
  | (EditBase & { kind: 'base'; distribution: 'debian' | 'rhel'; evidence: string });

/** What an extractor returns for one host file. */
export interface Extraction {
  edits: Edit[];
  /** Malformed host file parts relaygate cannot read (fatal ones become config-unreadable). */
  diagnostics: Diagnostic[];
  /** Things skipped or assumed that a user should know about (no repository text at a line start). */
  notes: string[];
  /**
   * Repository scripts the host file runs on the target (an Ansible
   * `script:` task): their edits are in `edits`, in the order they run, so
   * the scripts are not judged again on their own.
   */
  runs?: string[];
}

export function emptyExtraction(): Extraction {
  return { edits: [], diagnostics: [], notes: [] };
}
