import { RubricError } from '../../src/rubric/types.js';

/** The RubricError that `fn` throws (any other error is rethrown; none fails the test). */
export const errorOf = (fn: () => unknown): RubricError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof RubricError) return e;
    throw e;
  }
  throw new Error('expected a RubricError');
};
