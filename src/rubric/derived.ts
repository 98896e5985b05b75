import type { Rubric } from './types.js';

/**
 * A value worked out from a rubric once and kept while the rubric lives: the checks ask for the
 * same lists for every answer, and a list kept by identity finds its compiled phrases again.
 */
export function perRubric<T>(make: (rubric: Rubric) => T): (rubric: Rubric) => T {
  const made = new WeakMap<Rubric, T>();
  return (rubric) => {
    let value = made.get(rubric);
    if (value === undefined) made.set(rubric, (value = make(rubric)));
    return value;
  };
}
