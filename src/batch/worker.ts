// A worker thread of the parallel batch: it is sent the rubrics once, then chunks of file paths,
// and answers each chunk with the results in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rubric } from '../rubric/types.js';
import { checkFile, StaticRubrics, type CheckSettings } from './check-file.js';

export interface WorkerSetup {
  rubrics: Rubric[];
  settings: CheckSettings;
}
export interface WorkerTask {
  id: number;
  paths: string[];
}

const setup = workerData as WorkerSetup;
const registry = new StaticRubrics(setup.rubrics);

parentPort!.on('message', (task: WorkerTask) => {
  parentPort!.postMessage({ id: task.id, outcomes: task.paths.map((p) => checkFile(p, registry, setup.settings)) });
});
