/**
 * A small POSIX-shell reader: words, quoting, expansions, operators,
 * redirections and heredocs, every piece with its offsets. It reads; it never
 * runs anything. The syntax tree is in ./syntax.ts, the token reader in
 * ./tokenizer.ts; parse.ts groups tokens into simple commands.
 *
 * Why hand-written (alternatives checked with `npm view` / `npm pack
 * --dry-run`, November 2026):
 * - `sh-syntax` 0.7.0 (MIT, mvdan/sh compiled to WebAssembly, maintained: last
 *   publish 2026-09, no dependencies, 809 kB unpacked of which a 749 kB Go
 *   wasm): gives positions (Line/Col/Offset), but `parse()` returns a Promise
 *   (Go wasm runtime started asynchronously), so the synchronous
 *   `HostFormat.extract` contract would break; it reads `main.wasm` from disk
 *   beside its module (ncc bundling must copy it) and installs Go's
 *   `wasm_exec` globals into the process; its offsets are UTF-8 byte offsets,
 *   ours are UTF-16.
 * - `mvdan-sh` 0.10.1: the GopherJS build, 1.5 MB, superseded by sh-syntax
 *   upstream (mvdan/sh points JavaScript users at sh-syntax).
 * - `bash-parser` 0.5.0: unmaintained since 2017, 21 small dependencies
 *   (babylon 6, ...), no heredoc offsets.
 * - `tree-sitter-bash`: a native addon (node-gyp), cannot be bundled by ncc
 *   for the action; `web-tree-sitter` is wasm with asynchronous init again.
 * What we need is narrow (simple commands, words, redirections, heredocs and
 * enough control structure to know a command is conditional), so a linear
 * reader of about 400 lines with exact UTF-16 offsets is the smaller risk.
 * No npm dependency was added.
 *
 * Grammar followed: POSIX XCU 2.2 (quoting), 2.3 (token recognition), 2.6
 * (expansions, recognised but never performed), 2.7.4 (here-documents), 2.9
 * (compound commands: only their keywords are tracked).
 */

export interface WordPart {
  /** literal: text after quote removal; expansion: the raw `$x`, `${x}`, `$(...)`, `` `...` ``. */
  kind: 'literal' | 'expansion';
  text: string;
  /** Quoted or escaped: the value differs from the host characters. */
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

export interface SimpleCommand {
  /** Leading `NAME=value` words. */
  assignments: { name: string; value: Word; start: number; end: number }[];
  words: Word[];
  redirects: Redirect[];
  start: number;
  end: number;
  /** Under an `if`/`case`/loop body/function/`||`: it may or may not run. */
  maybe: boolean;
  /** Index (in the command list) of the command whose output is piped into this one. */
  pipedFrom: number | null;
}

export interface ShellDiagnostic {
  offset: number;
  message: string;
}

export interface ParsedShell {
  commands: SimpleCommand[];
  diagnostics: ShellDiagnostic[];
  /** Commands inside `$(...)` or backquotes are not read; their count, for a note. */
  substitutions: number;
}
