import type { Level } from '../model/finding.js';
import type { BaseConfiguration } from '../model/inputs.js';
import type { OverlayTree } from '../model/overlay.js';
import { isProfileId, type ProfileId, PROFILE_IDS } from '../rules/profiles.js';

export type FailOn = Level | 'never';
/** `.relaygate.yml` `rules:` value for one rule: off, on (its default level), or the level its findings get. */
export type RuleSetting = 'off' | 'on' | Level;
export type IndeterminateLevel = Level | 'ignore';

/**
 * Everything a scan needs, filled from action inputs, CLI flags or
 * `.relaygate.yml` by small adapters and validated once, here.
 */
export interface Options {
  /** Absolute path of the scan root; report paths are relative to it. */
  root: string;
  /** Paths to scan, relative to root (default ['.']). */
  paths: string[];
  profile: ProfileId;
  failOn: FailOn;
  indeterminate: IndeterminateLevel;
  include: string[];
  exclude: string[];
  vars: string[];
  baseline: string | null;
  /**
   * Pull-request scope: the changed paths (relative to root); only findings of
   * configurations with one of them among their inputs are reported; null = all.
   */
  changed: string[] | null;
  /**
   * With `changed`: the configurations of a scan of the commit the changed
   * paths are relative to (the base). A configuration that has a file of a
   * base configuration a changed path touches is in scope (regroupedFiles in
   * src/model/inputs.ts). null or absent: no base was scanned, and a note says
   * what the scope cannot see. A function is called once every configuration
   * is judged (the action checks the base out while the head is scanned);
   * `unavailable` means the base could not be had, and every finding is
   * reported.
   */
  base?: readonly BaseConfiguration[] | null | (() => Promise<readonly BaseConfiguration[] | 'unavailable'>);
  /** Per-rule settings from `.relaygate.yml` `rules:` (rule id -> setting); a rule not named keeps its default. */
  rules: Record<string, RuleSetting>;
  /**
   * The settings file that was read (absolute); null or absent: none, so
   * `.relaygate.yml` at the root was looked for. Either is an input of
   * every configuration (adding, changing or deleting it changes the scan).
   */
  configFile?: string | null;
  /**
   * The tree scanned at root when it is not (all) on the disk there: a pull request's base commit
   * whose unchanged files are the workspace's (src/model/overlay.ts). null or absent: the disk.
   */
  overlay?: OverlayTree | null;
}

export class OptionsError extends Error {
  override name = 'OptionsError';
}

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'never'];
export const INDETERMINATE_VALUES: readonly IndeterminateLevel[] = ['error', 'warning', 'note', 'ignore'];
export const RULE_SETTING_VALUES: readonly RuleSetting[] = ['off', 'on', 'error', 'warning', 'note'];

export function defaultOptions(root: string): Options {
  return {
    root,
    paths: ['.'],
    profile: 'gen004710',
    failOn: 'error',
    indeterminate: 'warning',
    include: [],
    exclude: [],
    vars: [],
    baseline: null,
    changed: null,
    rules: {},
  };
}

/** Validates one enumerated setting; the error names the setting and the accepted values. */
export function oneOf<T extends string>(setting: string, value: string, accepted: readonly T[]): T {
  const v = value.trim();
  if ((accepted as readonly string[]).includes(v)) return v as T;
  throw new OptionsError(`${setting}: "${value}" is not one of ${accepted.join(', ')}`);
}

export function parseProfile(setting: string, value: string): ProfileId {
  const v = value.trim().toLowerCase();
  if (isProfileId(v)) return v;
  throw new OptionsError(`${setting}: "${value}" is not one of ${PROFILE_IDS.join(', ')}`);
}

/**
 * The settings a user may give in `.relaygate.yml`, as CLI flags or as action
 * inputs; a setting left out keeps the value of the layer below
 * (defaults < file < flags or inputs). File paths (vars, baseline) are absolute here.
 */
export type Settings = Partial<Pick<Options, 'profile' | 'failOn' | 'indeterminate' | 'include' | 'exclude' | 'vars' | 'baseline' | 'rules'>>;
