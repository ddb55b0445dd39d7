import { readFileSync } from 'node:fs';
import { OptionsError } from '../config/options.js';
import { visible } from '../report/escape.js';
import type { EventInfo } from './changed-files.js';

export interface RunContext extends EventInfo {
  /** `${server}/${owner}/${repo}/blob/${sha}`: base of file links in the job summary; null when unknown. */
  blobUrl: string | null;
  /** The commit check runs and reviews belong to: the pull request's head, else GITHUB_SHA; '' when unknown. */
  headSha: string;
  /** What `scope: new` compares with: the pull request's base, or a push's previous commit; null when there is none. */
  baseSha: string | null;
  /** The workflow run's page; null when unknown. */
  runUrl: string | null;
}

/** The event payload could not be read: the step fails with one line, as for a bad input. */
export class EventError extends OptionsError {
  override name = 'EventError';
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const NO_COMMIT = /^0+$/;

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function sha(value: unknown): string | null {
  const s = text(value);
  return s !== undefined && SHA.test(s) && !NO_COMMIT.test(s) ? s : null;
}

/**
 * What the action needs from the workflow run: GITHUB_* variables and the
 * event payload at GITHUB_EVENT_PATH, read here, when the action runs, so a
 * payload that is not a JSON object fails the step with one line
 * (EventError). A missing payload file is an empty event (a local run);
 * fields of the wrong type count as absent.
 */
export function runContext(env: Readonly<Record<string, string | undefined>>): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const repository = object(payload.repository);
  let owner = '';
  let repo = '';
  const full = env.GITHUB_REPOSITORY ?? '';
  if (full.includes('/')) {
    [owner = '', repo = ''] = full.split('/');
  } else if (repository) {
    owner = text(object(repository.owner)?.login) ?? '';
    repo = text(repository.name) ?? '';
  }
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pr = object(payload.pull_request);
  const pullNumber = typeof pr?.number === 'number' && Number.isInteger(pr.number) ? pr.number : null;
  // On a pull request GITHUB_SHA is the test-merge commit; check runs, reviews and links belong on the head.
  const headSha = (pr ? sha(object(pr.head)?.sha) : null) ?? sha(env.GITHUB_SHA) ?? '';
  const baseSha = pr ? sha(object(pr.base)?.sha) : eventName === 'push' ? sha(payload.before) : null;
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/(?<!\/)\/+$/, '');
  const blobUrl = owner && repo && headSha ? `${server}/${owner}/${repo}/blob/${headSha}` : null;
  const runId = env.GITHUB_RUN_ID ?? '';
  const runUrl = owner && repo && /^\d+$/.test(runId) ? `${server}/${owner}/${repo}/actions/runs/${runId}` : null;
  return {
    eventName,
    owner,
    repo,
    pullNumber,
    changedFiles: typeof pr?.changed_files === 'number' ? pr.changed_files : null,
    blobUrl,
    headSha,
    baseSha,
    runUrl,
  };
}

function readPayload(file: string | undefined): Json {
  if (file === undefined || file === '') return {};
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new EventError(`GITHUB_EVENT_PATH: cannot read the event payload ${visible(file)}: ${firstLine(e)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new EventError(`GITHUB_EVENT_PATH: the event payload ${visible(file)} is not valid JSON: ${firstLine(e)}`);
  }
  const payload = object(parsed);
  if (!payload) throw new EventError(`GITHUB_EVENT_PATH: the event payload ${visible(file)} is not a JSON object`);
  return payload;
}

function firstLine(e: unknown): string {
  return visible(((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '').slice(0, 200));
}
