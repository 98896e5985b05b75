// A worker thread of the parallel batch: it is sent the rubrics and the output format once, then
// chunks of file paths, and answers each chunk with the rendered results in the same order.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rubric } from '../rubric/types.js';
import type { CheckSettings } from './check-file.js';
import { StaticRubrics } from './check-file.js';
import { renderFiles, rendererFor, type OutputSpec } from './render.js';

export interface WorkerSetup {
  rubrics: Rubric[];
  settings: CheckSettings;
  output?: OutputSpec;
}
export interface WorkerTask {
  id: number;
  paths: string[];
}

const setup = workerData as WorkerSetup;
const registry = new StaticRubrics(setup.rubrics);
const render = await rendererFor(setup.output);

parentPort!.on('message', (task: WorkerTask) => {
  parentPort!.postMessage({ id: task.id, items: renderFiles(task.paths, registry, setup.settings, render) });
});
