import type { Form } from '../../model/configuration.js';
import type { Diagnostic, Span } from '../../model/span.js';
import type { Family, Image } from './distributions.js';
import type { Fragment } from './fragment.js';
import type { VariableOrigin, VariableScope } from './variables.js';

/**
 * Embedded configuration: provisioning code (shell, Dockerfiles, Ansible
 * tasks, cloud-init, Kubernetes manifests, Terraform, Packer, kickstart) does
 * not hold a mail file; it EDITS one on the target machine. Each extractor
 * turns a host file into an ordered list of edits; the instance assembler
 * (src/sources/replay/) groups edits by instance and replays them, in
 * order, over a base (a file written earlier, the recognised
 * distribution's packaged file, or a main.cf relaygate does not know).
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
   * main.cf syntax, mapped to the host file. A line whose name is unknown
   * (`postconf -e "$k=$v"`) may set any parameter, except, when the edit
   * says so, the names in `unknownNameExcludes` (a loop over `${!PREFIX*}`
   * whose known iterations set those names: their variables keep the
   * values the image gives them). For update-exim4.conf.conf
   * (`debconf-set-selections` answers for exim4-config), `dc_name='value'`
   * lines in that file's shell syntax; `fileEdit`: not an answer but an edit
   * of the file as it stands after the install (Ansible `lineinfile`,
   * `replace`), over the packaged file when nothing wrote it, and with
   * `ifPresent` (`replace`, `lineinfile backrefs: yes`) only when the file
   * has a line setting that name (the shell's last assignment wins, so the
   * line's place does not matter).
   */
  | (EditBase & { kind: 'set'; target: 'main.cf' | 'update-exim4.conf.conf'; fragment: Fragment; unknownNameExcludes?: string[]; fileEdit?: boolean; ifPresent?: string })
  /**
   * Back to the default: `postconf -X name`, `postconf -# name` (`comment`:
   * the lines stay, commented out), `lineinfile state: absent`.
   */
  | (EditBase & { kind: 'unset'; target: 'main.cf'; name: string; nameSpan: Span; comment?: boolean })
  /** Replaced only if a definition exists: a `sed -i` substitution that rewrites the `name = ...` line. */
  | (EditBase & { kind: 'set-if-present'; target: 'main.cf'; name: string; fragment: Fragment })
  /** `postconf -P service/type/parameter=value`: a `-o` override on the master.cf services matching service/type (`*` matches any). */
  | (EditBase & {
      kind: 'master-set';
      target: 'master.cf';
      service: string;
      type: string;
      parameter: string;
      value: string;
      valueSpan: Span;
      /** The whole `service/type/parameter=value` argument, when it is written in one place. */
      settingSpan?: Span;
    })
  /**
   * `sed -i SCRIPT FILE` (GNU sed): the script is run over the file's lines.
   * `script` holds the script text (several `-e` joined by newlines, as GNU
   * sed joins them), mapped to the host file; `extended`: -E/-r; `quiet`: -n.
   * On an Exim file (`name`: its name there, as for `write`) the script may
   * be one relaygate cannot read (built by the shell at run time): replay
   * then makes that file's text unknown from this edit on.
   */
  | (EditBase & { kind: 'sed'; target: 'main.cf' | 'master.cf' | 'exim.conf' | 'update-exim4.conf.conf'; script: Fragment; extended: boolean; quiet: boolean; name?: string })
  /** `postconf -PX service/type/parameter`: the `-o parameter=...` settings removed from the service. */
  | (EditBase & { kind: 'master-unset'; target: 'master.cf'; service: string; type: string; parameter: string })
  /**
   * `postconf -M service/type='name type private unpriv chroot wakeup maxproc command...'`
   * (postconf(1), pcf_edit_master): the services matching `service/type`
   * (`*` matches any) or the entry's own name/type are replaced by the
   * entry, at the first one's place; without a match the entry is added at
   * the end. `entry` holds the entry's text, mapped to the host file.
   */
  | (EditBase & { kind: 'master-entry'; target: 'master.cf'; service: string; type: string; entry: Fragment })
  /** `postconf -F service/type/field=value`: one field of the matching services replaced (`command` also replaces the arguments). */
  | (EditBase & { kind: 'master-field'; target: 'master.cf'; service: string; type: string; field: MasterField; value: Fragment })
  /** `postconf -MX service/type` removes the matching services, `postconf -M# service/type` comments them out. */
  | (EditBase & { kind: 'master-remove'; target: 'master.cf'; service: string; type: string; comment: boolean })
  /**
   * Deploy: a repository file is installed on the target machine as a mail
   * file. Every ecosystem states what it deploys with this one edit, and
   * replay (src/sources/replay/) pairs and judges only what is deployed:
   * - `source`: the repository file (POSIX, relative to the scan root), a
   *   plain file or a template; its own name does not matter (a
   *   `postfix_main.j2` deployed to /etc/postfix/main.cf is that main.cf);
   * - `destination`: the path on the target machine, as written
   *   (`/etc/postfix/main.cf`); `target` is the mail file it names and
   *   `key.directory` its folder;
   * - `key` (the server): `scope` is the provisioning unit that deploys it
   *   (the Dockerfile, the Ansible role or playbook, the Chef cookbook, the
   *   Puppet module, the Salt formula). Files deployed under one key are one
   *   configuration: a `main.cf.erb` and a `master.cf` of the same cookbook,
   *   deployed to /etc/postfix, are judged together;
   * - `templateVariables`: what the deploying resource passes to the
   *   template, under the names the template reads them by (ERB: `@name`;
   *   Jinja2 and EPP: `name`): an Ansible task's variables at that point of
   *   the play, by precedence (role defaults, group_vars, play and role vars,
   *   include_vars, set_fact, role params); a Salt `file.managed`'s
   *   `context:` over `defaults:` over the state file's pillar; Chef
   *   `variables(...)`; Puppet `epp(..., {...})`. Layered above the template
   *   language's own variables when it is rendered; the user's --vars stay
   *   on top.
   * A deploy edit is all replay needs: it reads the source (rendering a
   * template), pairs it with the other files deployed under the same key,
   * and no longer judges the source on its own.
   * Dockerfile `COPY files/main.cf /etc/postfix/`, Ansible `template: src=main.cf.j2
   * dest=/etc/postfix/main.cf`, `copy: src=...`, Chef `template`/`cookbook_file`,
   * Puppet `file { content => template(...) }`, Salt `file.managed`.
   */
  | (EditBase & {
      kind: 'link';
      target: TargetFile;
      source: string;
      destination: string;
      /** The file's name there, where the target has several (see `write`); absent: the destination's name. */
      name?: string;
      templateVariables?: VariableScope;
    })
  /**
   * Evidence of the distribution the edits apply to (./distributions.ts):
   * `FROM debian:12`, `apt-get install postfix`, `dnf install postfix`, an
   * Ansible `apt:` task or `when: ansible_os_family == "RedHat"`, a Packer
   * source image, kickstart `%packages`. Replay judges the edits over that
   * family's packaged main.cf (src/sources/replay/base.ts). `mailerType` is
   * Debian's debconf answer to postfix/main_mailer_type when the file
   * preseeds it (`debconf-set-selections`, Ansible `debconf:`): it chooses
   * which main.cf the package writes. `image`: the edits apply to an image
   * that writes its own main.cf over the package's (docker-mailserver's);
   * replay knows only what every release of it sets (src/sources/replay/base.ts).
   */
  | (EditBase & { kind: 'base'; distribution: Family; evidence: string; mailerType?: string; image?: Image });

/** The field names of `postconf -F` (postconf(1)): the eight master.cf columns, `command` with its arguments. */
export type MasterField = 'service' | 'type' | 'private' | 'unprivileged' | 'chroot' | 'wakeup' | 'process_limit' | 'command';

/** What an extractor returns for one host file. */
export interface Extraction {
  edits: Edit[];
  /** Malformed host file parts relaygate cannot read (fatal ones become config-unreadable). */
  diagnostics: Diagnostic[];
  /** Things skipped or assumed that a user should know about (no repository text at a line start). */
  notes: string[];
  /**
   * Repository scripts the host file runs or sources on the target (an
   * Ansible `script:` task, a Dockerfile's entrypoint script, `. ./lib.sh`):
   * their edits are in `edits`, in the order they run, so the scripts are
   * not judged again on their own.
   */
  runs?: string[];
}

export function emptyExtraction(): Extraction {
  return { edits: [], diagnostics: [], notes: [] };
}
