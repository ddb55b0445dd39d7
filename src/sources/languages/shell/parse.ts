/**
 * Simple commands from shell tokens (./tokenizer.ts), with the compound
 * commands around them tracked (POSIX XCU 2.9) so each knows whether it may
 * not run. The syntax it returns is in ./syntax.ts.
 */
import type { Heredoc, ParsedShell, Redirect, SimpleCommand, Word, WordPart } from './syntax.js';
import { REDIRECTIONS, Tokenizer, type Token } from './tokenizer.js';

const RESERVED_START = new Set(['if', 'then', 'elif', 'else', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', '{', '}', '!', 'function', 'in']);

interface Frame {
  kind: 'if' | 'loop' | 'case' | 'group' | 'subshell';
  maybe: boolean;
  /** Inside an `if`/loop: are we in the condition part (runs) or the body (maybe)? */
  body: boolean;
}

function plainValue(word: Word): string | null {
  if (word.parts.some((p) => p.kind !== 'literal')) return null;
  return word.parts.map((p) => p.text).join('');
}

/**
 * Simple commands in order, each marked `maybe` when it sits under a
 * condition (XCU 2.9.4 compound commands, 2.9.3 `||` lists, function bodies).
 */
export function parseShell(text: string): ParsedShell {
  const tokenizer = new Tokenizer(text);
  const tokens = tokenizer.tokens();
  const commands: SimpleCommand[] = [];
  const frames: Frame[] = [];
  let orMaybe = false;
  let pipeFrom: number | null = null;
  let nextGroupMaybe = false;
  /** After `for NAME in` / `case WORD in`: words up to the separator are a header. */
  let header: 'for' | 'case' | null = null;
  let casePattern = false;
  let current: SimpleCommand | null = null;

  const maybeNow = (): boolean => orMaybe || frames.some((f) => f.maybe || ((f.kind === 'if' || f.kind === 'loop') && f.body));
  const finish = (): void => {
    if (current !== null && (current.words.length > 0 || current.assignments.length > 0 || current.redirects.length > 0)) {
      commands.push(current);
    }
    current = null;
  };
  const command = (start: number): SimpleCommand => {
    if (current === null) current = { assignments: [], words: [], redirects: [], start, end: start, maybe: maybeNow(), pipedFrom: pipeFrom };
    return current;
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (header !== null) {
      if (token.type === 'word' && plainValue(token.word) === 'do' && header === 'for') {
        header = null;
        const top = frames[frames.length - 1];
        if (top !== undefined) top.body = true;
        continue;
      }
      if (token.type === 'word' && plainValue(token.word) === 'in' && header === 'case') {
        header = null;
        casePattern = true;
        continue;
      }
      if (token.type !== 'word' && header === 'for') {
        // `for x in a b; do`: the separator before `do`.
        continue;
      }
      continue;
    }
    if (casePattern) {
      if (token.type === 'word' && plainValue(token.word) === 'esac') {
        casePattern = false;
        frames.pop();
        continue;
      }
      if (token.type === 'op' && token.op === ')') casePattern = false;
      continue;
    }
    if (token.type === 'newline' || (token.type === 'op' && (token.op === ';' || token.op === '&'))) {
      finish();
      orMaybe = false;
      pipeFrom = null;
      continue;
    }
    if (token.type === 'op') {
      if (token.op === '&&' || token.op === '||') {
        finish();
        if (token.op === '||') orMaybe = true;
        pipeFrom = null;
        continue;
      }
      if (token.op === '|' || token.op === '|&') {
        const had = current !== null;
        finish();
        pipeFrom = had ? commands.length - 1 : null;
        continue;
      }
      if (token.op === ';;' || token.op === ';&' || token.op === ';;&') {
        finish();
        orMaybe = false;
        casePattern = true;
        continue;
      }
      if (token.op === '(') {
        const c = current as SimpleCommand | null;
        if (c !== null && c.words.length === 1 && tokens[i + 1]?.type === 'op' && (tokens[i + 1] as { op: string }).op === ')') {
          // `name() { ...; }`: a function body runs only when called.
          current = null;
          i++;
          nextGroupMaybe = true;
          continue;
        }
        finish();
        frames.push({ kind: 'subshell', maybe: nextGroupMaybe, body: false });
        nextGroupMaybe = false;
        continue;
      }
      if (token.op === ')') {
        finish();
        const top = frames[frames.length - 1];
        if (top?.kind === 'subshell') frames.pop();
        continue;
      }
      if (REDIRECTIONS.has(token.op)) {
        const target = tokens[i + 1];
        const c = command(token.start);
        const redirect: Redirect = { op: token.op, fd: token.fd, target: null, heredoc: null, start: token.start, end: token.end };
        if (target?.type === 'word') {
          redirect.target = target.word;
          redirect.end = target.word.end;
          redirect.heredoc = (target as { heredoc?: Heredoc }).heredoc ?? null;
          i++;
        }
        c.redirects.push(redirect);
        c.end = Math.max(c.end, redirect.end);
        continue;
      }
      continue;
    }
    const word = token.word;
    const value = plainValue(word);
    const atStart = current === null || ((current as SimpleCommand).words.length === 0 && (current as SimpleCommand).redirects.length === 0 && (current as SimpleCommand).assignments.length === 0);
    if (atStart && value !== null && RESERVED_START.has(value) && !word.parts.some((p) => p.quoted)) {
      finish();
      switch (value) {
        case 'if':
          frames.push({ kind: 'if', maybe: false, body: false });
          break;
        case 'then':
        case 'else':
        case 'do': {
          const top = frames[frames.length - 1];
          if (top !== undefined) top.body = true;
          break;
        }
        case 'elif': {
          // An `elif` condition runs only when the earlier ones failed.
          const top = frames[frames.length - 1];
          if (top !== undefined) top.body = true;
          break;
        }
        case 'fi':
        case 'done':
          frames.pop();
          break;
        case 'while':
        case 'until':
          frames.push({ kind: 'loop', maybe: false, body: false });
          break;
        case 'for':
        case 'select':
          frames.push({ kind: 'loop', maybe: false, body: false });
          header = 'for';
          break;
        case 'case':
          frames.push({ kind: 'case', maybe: true, body: true });
          header = 'case';
          break;
        case 'esac':
          frames.pop();
          break;
        case '{':
          frames.push({ kind: 'group', maybe: nextGroupMaybe, body: false });
          nextGroupMaybe = false;
          break;
        case '}':
          if (frames[frames.length - 1]?.kind === 'group') frames.pop();
          break;
        case 'function': {
          // `function name { ...; }` / `function name() ...`
          if (tokens[i + 1]?.type === 'word') i++;
          if (tokens[i + 1]?.type === 'op' && (tokens[i + 1] as { op: string }).op === '(') i += 2;
          nextGroupMaybe = true;
          break;
        }
        default:
          break;
      }
      continue;
    }
    const c = command(word.start);
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word.raw);
    if (c.words.length === 0 && assignment !== null) {
      const name = assignment[1] as string;
      c.assignments.push({ name, value: dropPrefix(word, name.length + 1), start: word.start, end: word.end });
    } else c.words.push(word);
    c.end = Math.max(c.end, word.end);
  }
  finish();
  return { commands, diagnostics: tokenizer.diagnostics, substitutions: tokenizer.substitutions };
}

/** The word without its first `count` host characters (the `NAME=` of an assignment, unquoted). */
export function dropPrefix(word: Word, count: number): Word {
  const cut = word.start + count;
  const parts: WordPart[] = [];
  for (const part of word.parts) {
    if (part.end <= cut) continue;
    if (part.start < cut) {
      parts.push({ ...part, text: part.text.slice(cut - part.start), start: cut });
    } else parts.push(part);
  }
  return { parts, start: cut, end: word.end, raw: word.raw.slice(count) };
}
