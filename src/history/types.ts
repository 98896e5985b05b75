import { STAR_PARTS, type StarPart } from '../answer/types.js';

/** Bumped when a line's shape changes; readers skip lines of a version they do not know. */
export const ATTEMPT_VERSION = 1;

/** One analyzed answer, as one line of the history file. Small on purpose: no answer text is kept. */
export interface Attempt {
  v: typeof ATTEMPT_VERSION;
  /** ISO 8601 time of the attempt. */
  at: string;
  /** Where it came from: `check --record` or a practice session. */
  source: 'check' | 'practice';
  question?: string;
  rubric: string;
  score: number;
  /** Which STAR parts the analyzer found. */
  star: Record<StarPart, boolean>;
  /** Ids of the pillars the answer showed. */
  pillars: string[];
  /** Ids of the rubric's pillars it did not show. */
  pillarsMissing: string[];
  /** A measurable result: a metric in the Result. */
  metric: boolean;
  /** Every finding, counted by rule id. */
  findings: Record<string, number>;
  /** The answer file (absolute), or `<stdin>`. */
  file: string;
  /** sha256 of the answer text, hex: tells a re-run of the same text from a new draft. */
  hash: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** True when a parsed line has every field an Attempt needs, with the right types. */
export function isAttempt(x: unknown): x is Attempt {
  if (!isObject(x) || x.v !== ATTEMPT_VERSION) return false;
  if (typeof x.at !== 'string' || Number.isNaN(Date.parse(x.at))) return false;
  if (x.source !== 'check' && x.source !== 'practice') return false;
  if (x.question !== undefined && typeof x.question !== 'string') return false;
  if (typeof x.rubric !== 'string' || typeof x.file !== 'string' || typeof x.hash !== 'string') return false;
  if (typeof x.score !== 'number' || !Number.isFinite(x.score)) return false;
  if (!isObject(x.star) || !STAR_PARTS.every((p) => typeof (x.star as Record<string, unknown>)[p] === 'boolean')) return false;
  if (!isStringArray(x.pillars) || !isStringArray(x.pillarsMissing) || typeof x.metric !== 'boolean') return false;
  if (!isObject(x.findings) || !Object.values(x.findings).every((n) => typeof n === 'number' && Number.isFinite(n))) return false;
  return true;
}
