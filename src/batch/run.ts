import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileError, FileResult } from '../report/types.js';
import type { Rubric } from '../rubric/types.js';
import { checkFile, type CheckSettings, type RubricSource } from './check-file.js';
import type { WorkerSetup, WorkerTask } from './worker.js';

/**
 * Below this many files one thread is faster: a worker spends about 0.3 s of CPU starting (Node's
 * own bootstrap, the analyzer's modules) before its first answer, and reports are copied back
 * (measured by `npm run bench`; see docs/benchmarks.md).
 */
export const PARALLEL_MIN_FILES = 400;
// The worker is the compiled module beside this one; under the test runner (TypeScript sources)
// that is the build in dist/, which `npm test` makes first.
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('../../dist/batch/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url);

/** Files per message: big enough that messaging is cheap, small enough to keep both cores busy to the end. */
const CHUNK = 25;

export interface BatchOptions {
  settings?: CheckSettings;
  /** Worker threads to use; 0 or 1 means this thread only. Default: one per core when the batch is large. */
  threads?: number;
  /** Called after each file, in order, with the number done so far. */
  onProgress?: (done: number) => void;
}

export type Outcome = FileResult | FileError;

/** How many threads a batch of `files` answers should use. */
export function threadsFor(files: number, requested?: number): number {
  if (requested !== undefined) return Math.max(1, Math.floor(requested));
  return files >= PARALLEL_MIN_FILES ? Math.max(1, availableParallelism()) : 1;
}

/** Every resolved rubric, as plain data a worker can be sent. */
function rubricsOf(registry: RubricSource): Rubric[] {
  const out: Rubric[] = [];
  for (const id of registry.ids()) {
    try {
      out.push(registry.get(id));
    } catch {
      // a rubric that cannot be resolved is never chosen; the single-threaded path would not resolve it either
    }
  }
  return out;
}

/**
 * Checks files and hands each outcome to `emit` in the order of `paths`, whatever thread analyzed
 * it, so the output is the same bytes whether one thread ran or several. Only the few chunks in
 * flight are held in memory.
 */
export async function runFiles(paths: readonly string[], registry: RubricSource, emit: (o: Outcome) => void, options: BatchOptions = {}): Promise<void> {
  const threads = Math.min(threadsFor(paths.length, options.threads), Math.ceil(paths.length / CHUNK));
  if (threads <= 1) {
    paths.forEach((p, i) => {
      emit(checkFile(p, registry, options.settings));
      options.onProgress?.(i + 1);
    });
    return;
  }
  const setup: WorkerSetup = { rubrics: rubricsOf(registry), settings: options.settings ?? {} };
  // this thread is one of the `threads`: it analyzes chunks between messages, so two cores cost
  // one worker's memory, not two
  const workers = Array.from({ length: threads - 1 }, () => new Worker(WORKER_URL, { workerData: setup }));
  const chunks = Math.ceil(paths.length / CHUNK);
  const ready = new Map<number, Outcome[]>();
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
      const deliver = (id: number, outcomes: Outcome[]) => {
        ready.set(id, outcomes);
        try {
          while (ready.has(nextEmit)) {
            for (const o of ready.get(nextEmit)!) {
              emit(o);
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
        deliver(
          id,
          paths.slice(id * CHUNK, (id + 1) * CHUNK).map((p) => checkFile(p, registry, options.settings)),
        );
        // setImmediate runs after pending worker messages, so workers are never kept waiting for more
        setImmediate(local);
      };
      for (const w of workers) {
        w.on('message', ({ id, outcomes }: { id: number; outcomes: Outcome[] }) => {
          send(w);
          deliver(id, outcomes);
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
