import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Worker } from 'node:worker_threads';
import { resolveEvery, type Rubric } from '../rubric/types.js';
import { StaticRubrics, type CheckSettings, type RubricSource } from './check-file.js';
import { renderFiles, rendererFor, type Item, type OutputSpec } from './render.js';
import type { WorkerSetup, WorkerTask } from './worker.js';

/**
 * Below this many files one thread is faster: a worker spends about 0.3 s of CPU starting (Node's
 * own bootstrap, the analyzer's modules) before its first answer (measured by `npm run bench`;
 * see docs/benchmarks.md).
 */
export const PARALLEL_MIN_FILES = 400;
// The worker is the compiled module beside this one; under the test runner (TypeScript sources)
// that is the build in dist/, which `npm test` makes first.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);

/** Files per message: big enough that messaging is cheap, small enough to keep both cores busy to the end. */
const CHUNK = 25;
/**
 * A worker's young generation: an answer's working set dies within milliseconds, so a small one
 * cost no measurable CPU, where V8's default (up to 48 MB) was a fifth of a batch's memory.
 * Peak RSS at 10,000 answers, 2 threads: 4 MB → ~150 MB, 8 MB → ~154 MB, default → ~210 MB.
 */
const WORKER_YOUNG_MB = 4;

export interface BatchOptions {
  settings?: CheckSettings;
  /** Threads to analyze on; 0 or 1 means this thread only. Default: threadsFor's choice (one per free core when the batch is large and there are more than two). */
  threads?: number;
  /** The format each answer is rendered for, on the thread that analyzed it; without one, items carry the FileResult. */
  output?: OutputSpec;
  /** Called after each file, in order, with the number done so far. */
  onProgress?: (done: number) => void;
  /**
   * Asked between chunks: a promise when what was emitted has not been written yet (a pipe whose
   * reader is slower than the analysis), and the batch analyzes no more until it resolves, so the
   * unwritten output stays small instead of growing to the whole report.
   */
  backlog?: () => Promise<void> | undefined;
}

/**
 * Keeps each thread's heap near what it holds. A batch allocates far more than it keeps: each
 * answer's working set dies within milliseconds and ~15 MB is alive at any time, but under V8's
 * defaults the young generation grows to 32 MB and the old one to 80 MB before a full collection
 * (--trace-gc). A young generation that stays at its starting size and an old one collected once
 * it grows by 20% measured no CPU cost beyond the noise, and peak RSS at 10,000 answers on one
 * thread went from ~146 to ~97 MB. Process-wide V8 flags, read at each collection: call it before
 * workers start.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=20');
}

/**
 * How many threads a batch of `files` answers should use: what was asked for, at most one per core
 * (more threads than cores only add each one's memory: 64 on 2 cores took 1.5 GB and 72 s); by
 * default one below PARALLEL_MIN_FILES files, one on two cores or fewer, and otherwise one per
 * core that was free over the last minute (the cores less the load average). On two vCPUs a
 * second thread measured 12–21% faster only while the other vCPU was idle, 21% slower when a
 * neighbour held it, and always ~50 MB larger (docs/benchmarks.md): one thread is never the slower
 * choice there.
 */
export function threadsFor(files: number, requested?: number, cores = availableParallelism(), load = loadavg()[0]): number {
  if (requested !== undefined) return Math.max(1, Math.min(Math.floor(requested), cores));
  if (files < PARALLEL_MIN_FILES || cores <= 2) return 1;
  return Math.max(1, Math.min(cores, Math.floor(cores - load)));
}

/**
 * Every resolved rubric, as plain data a worker can be sent. Every thread, this one included,
 * checks with exactly this set, so one thread and several give the same output; a rubric that
 * cannot be resolved is an error for the whole run (RubricError), never a difference between them.
 */
const rubricsOf = (registry: RubricSource): Rubric[] => resolveEvery(registry);

/**
 * Checks and renders files and hands each item to `emit` in the order of `paths`, whatever thread
 * analyzed it, so the output is the same bytes whether one thread ran or several. Only the few
 * chunks in flight are held in memory.
 */
export async function runFiles(paths: readonly string[], registry: RubricSource, emit: (item: Item) => void, options: BatchOptions = {}): Promise<void> {
  const settings = options.settings ?? {};
  const render = await rendererFor(options.output);
  const threads = Math.min(threadsFor(paths.length, options.threads), Math.ceil(paths.length / CHUNK));
  const rubrics = rubricsOf(registry);
  // this thread checks with the same plain rubric set as the workers
  const here = new StaticRubrics(rubrics);
  if (threads <= 1) {
    for (let i = 0; i < paths.length; i++) {
      emit(renderFiles([paths[i]], here, settings, render)[0]);
      options.onProgress?.(i + 1);
      // between chunks, signal handlers and timers run: Ctrl-C stops a long batch at once (one
      // thread is the default on two cores)
      if ((i + 1) % CHUNK === 0 && i + 1 < paths.length) await (options.backlog?.() ?? new Promise((resolve) => setImmediate(resolve)));
    }
    return;
  }
  const setup: WorkerSetup = { rubrics, settings, output: options.output };
  // this thread is one of the `threads`: it analyzes chunks between messages, so two cores cost
  // one worker's memory, not two (a third thread that only wrote output measured no faster, and
  // its heap took ~30 MB more at 10,000 answers)
  // loaded only for a batch on threads: the startup snapshot runs a batch on one thread when it is
  // built, and a process started from a snapshot that had loaded worker_threads cannot start a worker
  const { Worker: WorkerThread } = await import('node:worker_threads');
  const workers = Array.from({ length: threads - 1 }, () => new WorkerThread(WORKER_URL, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }));
  const chunks = Math.ceil(paths.length / CHUNK);
  const ready = new Map<number, Item[]>();
  let nextChunk = 0;
  let nextEmit = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (nextChunk >= chunks) return;
        const id = nextChunk++;
        w.postMessage({ id, paths: paths.slice(id * CHUNK, (id + 1) * CHUNK) } satisfies WorkerTask);
      };
      const deliver = (id: number, items: Item[]) => {
        ready.set(id, items);
        try {
          while (ready.has(nextEmit)) {
            for (const item of ready.get(nextEmit)!) {
              emit(item);
              options.onProgress?.(++done);
            }
            ready.delete(nextEmit++);
          }
        } catch (e) {
          reject(e);
        }
        if (nextEmit === chunks) resolve();
      };
      const local = () => {
        if (nextChunk >= chunks) return;
        const id = nextChunk++;
        deliver(id, renderFiles(paths.slice(id * CHUNK, (id + 1) * CHUNK), here, settings, render));
        // setImmediate runs after pending worker messages, so workers are never kept waiting for more
        const wait = options.backlog?.();
        if (wait) wait.then(local, reject);
        else setImmediate(local);
      };
      for (const w of workers) {
        w.on('message', ({ id, items }: { id: number; items: Item[] }) => {
          const wait = options.backlog?.();
          if (wait) wait.then(() => send(w), reject);
          else send(w);
          deliver(id, items);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (nextEmit < chunks) reject(new Error(`a worker thread stopped (exit code ${code})`));
        });
        // two chunks each, so a worker never waits on the main thread between chunks
        send(w);
        send(w);
      }
      setImmediate(local);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
