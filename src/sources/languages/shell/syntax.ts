/**
 * A small POSIX-shell reader: words, quoting, expansions, operators,
 * redirections, heredocs and the command grammar, every piece with its
 * offsets. It reads; it never runs anything. The syntax tree is here, the
 * token reader in ./tokenizer.ts, the grammar in ./parse.ts; ./interpret.ts
 * walks the tree over known values only.
 *
 * Why hand-written (alternatives checked with `npm view` / `npm pack
 * --dry-run`, November 2026):
 * - `sh-syntax` 0.7.0 (MIT, mvdan/sh compiled to WebAssembly, maintained: last
 *   publish 2026-09, no dependencies, 860 kB installed of which a 749 kB Go
 *   wasm): `parse()` returns a Promise (the Go runtime starts
 *   asynchronously), and every host format calls the shell reader from a
 *   synchronous `extract` (Ansible, cloud-init, Terraform, Packer, kickstart,
 *   Dockerfiles), as does a sourced file found while a script is read.
 *   Measured on this machine: 82 ms for the first parse, 55 ms for each
 *   further parse of a 50-line script (marshalling through JSON), and the
 *   JSON tree of 0.7.0 drops the content of compound commands (a `for`
 *   clause comes back as only its Pos/End), which is exactly what we need.
 *   It also reads `main.wasm` from disk beside its module (ncc must copy it),
 *   installs Go's `wasm_exec` globals, and counts UTF-8 bytes where we count
 *   UTF-16 units.
 * - `mvdan-sh` 0.10.1: the GopherJS build, 1.5 MB, superseded by sh-syntax
 *   upstream (mvdan/sh points JavaScript users at sh-syntax).
 * - `bash-parser` 0.5.0: unmaintained since 2017, 21 small dependencies
 *   (babylon 6, ...), no heredoc offsets.
 * - `tree-sitter-bash`: a native addon (node-gyp), cannot be bundled by ncc
 *   for the action; `web-tree-sitter` is wasm with asynchronous init again.
 * What we need is a syntax tree of simple and compound commands, function
 * definitions, words, redirections and heredocs, with exact UTF-16 offsets,
 * read synchronously (every host format calls the reader from a synchronous
 * `extract`). The tree is the smaller grammar of XCU 2.9 plus the bash forms
 * seen in Docker entrypoints (`function f`, `[[ ]]`, `(( ))`, arrays): about
 * 450 lines, linear in the input, bounded in depth. No npm dependency was added.
 *
 * Grammar followed: POSIX XCU 2.2 (quoting), 2.3 (token recognition), 2.6
 * (expansions: recognised here, evaluated by ./expand.ts), 2.7.4
 * (here-documents), 2.9 (the shell grammar: lists, pipelines, compound
 * commands, function definitions).
 */

export interface WordPart {
  /** literal: text after quote removal; expansion: the raw `$x`, `${x}`, `$(...)`, `` `...` ``. */
  kind: 'literal' | 'expansion';
  text: string;
  /**
   * Inside quotes or escaped. A literal part's `text` is the host text from
   * `start` (a backslash escape: from `start + 1`) when it is contiguous there;
   * an expansion part with `quoted` sits inside double quotes (no field splitting).
   */
  quoted: boolean;
  start: number;
  end: number;
  /** For `$name` and `${name}`: the variable name. */
  name?: string;
}

export interface Word {
  parts: WordPart[];
  start: number;
  end: number;
  /** Host characters of the word, exactly. */
  raw: string;
}

export interface Heredoc {
  delimiter: string;
  /** Any quoting of the delimiter: the body is taken literally (no expansion). */
  quoted: boolean;
  /** `<<-`: leading tabs removed from each body line. */
  stripTabs: boolean;
  /** Body lines after tab removal, each with its offset; the delimiter line excluded. */
  lines: { text: string; offset: number }[];
  terminated: boolean;
}

export interface Redirect {
  op: string;
  /** The descriptor written before the operator (`2>`), or null. */
  fd: number | null;
  target: Word | null;
  heredoc: Heredoc | null;
  start: number;
  end: number;
}

export interface Assignment {
  name: string;
  /** The value after `NAME=` (or `NAME+=`). */
  value: Word;
  start: number;
  end: number;
  /** `NAME+=value` (bash): appended to the old value. */
  append: boolean;
  /** `NAME=(a b c)` (bash array): relaygate does not follow arrays. */
  array: boolean;
}

export interface SimpleCommand {
  kind: 'simple';
  /** Leading `NAME=value` words. */
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  start: number;
  end: number;
}

interface CompoundBase {
  /** Redirections written after the compound command (`{ ...; } > file`, `done < file`). */
  redirects: Redirect[];
  start: number;
  end: number;
}

/** XCU 2.9.4: `if list; then list; [elif list; then list;]... [else list;] fi`. */
export interface IfCommand extends CompoundBase {
  kind: 'if';
  clauses: { condition: ShellList; body: ShellList }[];
  otherwise: ShellList | null;
}

/** `for name [in word...]; do list; done` (no `in`: the positional parameters); `variable` null for bash `for ((...))`. */
export interface ForCommand extends CompoundBase {
  kind: 'for';
  variable: string | null;
  words: Word[] | null;
  body: ShellList;
}

export interface LoopCommand extends CompoundBase {
  kind: 'while' | 'until';
  condition: ShellList;
  body: ShellList;
}

export interface CaseCommand extends CompoundBase {
  kind: 'case';
  subject: Word;
  items: { patterns: Word[]; body: ShellList }[];
}

/** `{ list; }` runs in the current shell, `( list )` in a subshell (XCU 2.9.4). */
export interface GroupCommand extends CompoundBase {
  kind: 'group' | 'subshell';
  body: ShellList;
}

/** XCU 2.9.5: `name() compound-command`, bash `function name [()] compound-command`. */
export interface FunctionDefinition {
  kind: 'function';
  name: string;
  body: Command;
  start: number;
  end: number;
}

/** Bash `(( expression ))`: arithmetic relaygate does not evaluate. */
export interface ArithmeticCommand {
  kind: 'arithmetic';
  start: number;
  end: number;
}

export type Command = SimpleCommand | IfCommand | ForCommand | LoopCommand | CaseCommand | GroupCommand | FunctionDefinition | ArithmeticCommand;

/** XCU 2.9.2: commands joined by `|`; `!` negates the status. */
export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

/** XCU 2.9.3: pipelines joined by `&&` and `||`, left to right. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** Commands separated by `;`, `&` or newlines. */
export interface ShellList {
  items: AndOr[];
}

export interface ShellDiagnostic {
  offset: number;
  message: string;
}

export interface ParsedShell {
  program: ShellList;
  /** Every simple command of the program in text order, function bodies included (for readers that need only words). */
  commands: SimpleCommand[];
  diagnostics: ShellDiagnostic[];
  /** Commands inside `$(...)` or backquotes are not read; their count, for a note. */
  substitutions: number;
}
