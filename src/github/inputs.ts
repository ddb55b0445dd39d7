import * as core from '@actions/core';
import { FAIL_ON_VALUES, INDETERMINATE_VALUES, oneOf, OptionsError, parseProfile, type Settings } from '../config/options.js';

export type Scope = 'auto' | 'all' | 'changed' | 'new';
export const SCOPES: readonly Scope[] = ['auto', 'all', 'changed', 'new'];

export type AnnotationMode = 'auto' | 'checks' | 'commands' | 'none';
export const ANNOTATION_MODES: readonly AnnotationMode[] = ['auto', 'checks', 'commands', 'none'];

export type ReviewMode = 'none' | 'suggestions';
export const REVIEW_MODES: readonly ReviewMode[] = ['none', 'suggestions'];

/** Every action input (action.yml), read and validated here and nowhere else. */
export interface ActionInputs {
  /** Directory to scan, relative to GITHUB_WORKSPACE, as given. */
  path: string;
  /** Configuration file relative to GITHUB_WORKSPACE; null = `.relaygate.yml` there, if present. */
  config: string | null;
  /** profile, fail-on, indeterminate, include, exclude, vars, baseline; paths still relative to GITHUB_WORKSPACE. Unset inputs are absent, so `.relaygate.yml` applies. */
  settings: Settings;
  scope: Scope;
  annotations: AnnotationMode;
  review: ReviewMode;
  /** SARIF file to write, relative to GITHUB_WORKSPACE; null = none. */
  sarif: string | null;
  /** Code scanning category for the SARIF file; '' = none. */
  category: string;
  summary: boolean;
  token: string;
}

export type GetInput = (name: string) => string;

/**
 * Reads the inputs with @actions/core's getInput (INPUT_<NAME>, trimmed).
 * An empty input means "not given". Errors name the input and its accepted
 * values, e.g. `input fail-on: "bogus" is not one of error, warning, note, never`.
 */
export function readInputs(getInput: GetInput = (name) => core.getInput(name)): ActionInputs {
  const input = (name: string): string => getInput(name).trim();
  const setting = (name: string): string => `input ${name}`;

  const settings: Settings = {};
  const profile = input('profile');
  if (profile !== '') settings.profile = parseProfile(setting('profile'), profile);
  const failOn = input('fail-on');
  if (failOn !== '') settings.failOn = oneOf(setting('fail-on'), failOn, FAIL_ON_VALUES);
  const indeterminate = input('indeterminate');
  if (indeterminate !== '') settings.indeterminate = oneOf(setting('indeterminate'), indeterminate, INDETERMINATE_VALUES);
  for (const name of ['include', 'exclude', 'vars'] as const) {
    const list = splitList(input(name));
    if (list.length > 0) settings[name] = list;
  }
  const baseline = input('baseline');
  if (baseline !== '') settings.baseline = baseline;

  const scope = input('scope');
  const annotations = input('annotations');
  const review = input('review');
  const sarif = input('sarif');
  const config = input('config');
  return {
    path: input('path') || '.',
    config: config === '' ? null : config,
    settings,
    scope: scope === '' ? 'auto' : oneOf(setting('scope'), scope, SCOPES),
    annotations: annotations === '' ? 'auto' : oneOf(setting('annotations'), annotations, ANNOTATION_MODES),
    review: review === '' ? 'none' : oneOf(setting('review'), review, REVIEW_MODES),
    sarif: sarif === '' ? null : sarif,
    category: input('category'),
    summary: parseBoolean(setting('summary'), input('summary'), true),
    token: input('token'),
  };
}

/**
 * `true`/`false` as YAML 1.2 core spells them (what getBooleanInput accepts),
 * with our one-line message instead of its multi-line TypeError.
 */
export function parseBoolean(setting: string, value: string, empty: boolean): boolean {
  if (value === '') return empty;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new OptionsError(`${setting}: "${value}" is not one of true, false`);
}

/**
 * A list input: one item per line, or comma-separated. A comma inside braces
 * belongs to a glob (`**\/{main,master}.cf`) and does not split. One pass, so
 * linear in the input.
 */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (c === '\n' || c === '\r' || (c === ',' && depth === 0)) {
      items.push(current);
      current = '';
      depth = 0;
      continue;
    }
    current += c;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
