// The CLI's entry (dist/cli/index.js, package.json `bin`). Everything it does
// is in src/cli/, where tests can call it; this file only binds it to the
// process. No top-level await: the bundle must not depend on the bundler
// supporting it.
//
// `relaygate --version` needs no engine: it is answered before the engine's
// modules (nearly all of the bundle, which the bundler splits into a chunk
// loaded by the import below) are read and compiled, so it costs about what
// starting node costs.
//
// A scan runs in a worker thread started from this same file, with a small
// young generation. V8 sizes the young generation of the main thread from
// the machine's memory and grows it to tens of megabytes while a scan
// allocates file texts and parse trees that die young; much of the process's
// peak memory was that headroom, not live data. A worker's young generation
// can be capped (resourceLimits; the main thread's only by command-line
// flags, which a `bin` cannot pass). The worker sends what it writes and its
// exit status as messages, written here in order. Run from the sources
// (a .ts file under a loader, as the tests do) the scan stays on the main
// thread: loader hooks do not reach a worker there.
//
// One worker, not two: a second isolate costs 18 MB of peak memory before it
// loads anything (45 MB with the engine), and the engine loaded on the idle
// main thread as well costs 19 MB, more than the memory aim leaves; reading
// discovery's files on the main thread saved under 10% of the wall time
// (README, Performance).
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { internalErrorText, wantsDebug } from './cli/internal-error.js';
import type { WorkerMessage } from './cli/worker-messages.js';
import { VERSION } from './version.js';

/**
 * The worker's young generation, in MB. On the benchmark's 100k-file tree
 * (Node 24) 12 MB gave the lowest peak memory at the same CPU time; 4 MB
 * cost more collections, 16 MB and more only added memory.
 */
const YOUNG_GENERATION_MB = 12;

const argv = process.argv.slice(2);
const debug = wantsDebug(argv, process.env);

/** The engine could not be loaded, or stopped without a status: exit 2, never 1 ("findings"). */
function internalError(error: unknown): void {
  process.stderr.write(internalErrorText(error, debug));
  process.exitCode = 2;
}

function runInWorker(): void {
  let status: number | null = null;
  let failed = false;
  const worker = new Worker(fileURLToPath(import.meta.url), { argv, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'status') {
      status = message.status;
      process.exitCode = message.status;
      void worker.terminate();
    } else {
      (message.kind === 'stdout' ? process.stdout : process.stderr).write(message.text);
    }
  });
  worker.on('error', (error) => {
    if (status !== null || failed) return;
    failed = true;
    internalError(error);
  });
  worker.on('exit', (code) => {
    if (status === null && !failed) internalError(new Error(`the scan stopped with exit code ${code} and no result`));
  });
}

/** In the worker: the engine could not be loaded. */
function internalErrorInThread(error: unknown): void {
  parentPort?.postMessage({ kind: 'stderr', text: internalErrorText(error, debug) } satisfies WorkerMessage);
  parentPort?.postMessage({ kind: 'status', status: 2 } satisfies WorkerMessage);
}

if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`relaygate ${VERSION}\n`);
} else if (isMainThread && !import.meta.url.endsWith('.ts')) {
  runInWorker();
} else if (isMainThread) {
  import('./cli/process.js').then(({ runProcess }) => runProcess(argv), internalError);
} else {
  import('./cli/process.js').then(({ runInThread }) => runInThread(argv, parentPort), internalErrorInThread);
}
