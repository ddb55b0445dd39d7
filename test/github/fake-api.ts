import type {
  CreateCheckRun,
  CreateReview,
  ExistingComment,
  ExistingReview,
  GitHubApi,
  PullFile,
  UpdateCheckRun,
} from '../../src/github/api.js';

export type Call =
  | { name: 'listPullFiles'; params: unknown }
  | { name: 'createCheckRun'; params: CreateCheckRun }
  | { name: 'updateCheckRun'; params: UpdateCheckRun }
  | { name: 'listReviewComments'; params: unknown }
  | { name: 'listReviews'; params: unknown }
  | { name: 'createReview'; params: CreateReview };

/** An octokit RequestError as far as the action looks at it. */
export function requestError(status: number, message: string): Error & { status: number } {
  return Object.assign(new Error(message), { status });
}

export interface FakeApiOptions {
  files?: PullFile[];
  comments?: ExistingComment[];
  reviews?: ExistingReview[];
  /** Throws for the n-th call (0-based) of a method when it returns an error. */
  fail?: Partial<Record<Call['name'], (n: number) => Error | null>>;
}

/** A GitHubApi that records every call and answers from `options`. */
export function fakeApi(options: FakeApiOptions = {}): { api: GitHubApi; calls: Call[] } {
  const calls: Call[] = [];
  const counts = new Map<string, number>();
  const record = (call: Call): void => {
    calls.push(call);
    const n = counts.get(call.name) ?? 0;
    counts.set(call.name, n + 1);
    const error = options.fail?.[call.name]?.(n);
    if (error) throw error;
  };
  const api: GitHubApi = {
    listPullFiles: async (params) => {
      record({ name: 'listPullFiles', params });
      return options.files ?? [];
    },
    createCheckRun: async (params) => {
      record({ name: 'createCheckRun', params: structuredClone(params) });
      return { id: 99, html_url: 'https://github.com/example/infra/runs/99' };
    },
    updateCheckRun: async (params) => {
      record({ name: 'updateCheckRun', params: structuredClone(params) });
    },
    listReviewComments: async (params) => {
      record({ name: 'listReviewComments', params });
      return options.comments ?? [];
    },
    listReviews: async (params) => {
      record({ name: 'listReviews', params });
      return options.reviews ?? [];
    },
    createReview: async (params) => {
      record({ name: 'createReview', params: structuredClone(params) });
      return { id: 5, html_url: 'https://github.com/example/infra/pull/7#pullrequestreview-5' };
    },
  };
  return { api, calls };
}
