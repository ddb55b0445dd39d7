/** What the scan's worker thread sends the CLI's entry: text to write, in order, then its exit status. */
export type WorkerMessage = { kind: 'stdout' | 'stderr'; text: string } | { kind: 'status'; status: number };
