/** The four parts of a STAR story. */
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPart = (typeof STAR_PARTS)[number];

export type AnswerFormat = 'markdown' | 'yaml' | 'text';

/**
 * One stretch of answer text as the author wrote it: a Markdown section, a YAML value, or the
 * whole of a plain-text answer. `label` is the heading or key that introduced it (undefined for
 * text before any heading); the analyzer decides which STAR part, if any, a label names.
 */
export interface AnswerSection {
  label?: string;
  /** 1-based line of the heading or key, for findings about the section itself. */
  labelLine?: number;
  text: string;
  /** Offset in the original file of each character of `text` (same length as text). */
  sourceOffsets: Int32Array;
  /** Where `text` starts in the file when it is the file's own characters there, one for one (then sourceOffsets[i] is sourceStart + i). */
  sourceStart?: number;
}

/** An answer file parsed into sections; every offset refers to the original file. */
export interface ParsedAnswer {
  format: AnswerFormat;
  /** The question, from a Markdown `#` title or a YAML `question` key. */
  question?: string;
  source: string;
  sections: AnswerSection[];
}

/** A problem with the answer file itself (not with the answer it holds). */
export class AnswerFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'AnswerFormatError';
  }
}

/** Offsets for a slice of the source that was taken as it is. */
export function contiguousOffsets(start: number, length: number): Int32Array {
  const offsets = new Int32Array(length);
  for (let i = 0; i < length; i++) offsets[i] = start + i;
  return offsets;
}

/**
 * A section whose text is the source's characters from `start` on, taken as they are. Its offsets
 * are made only when read: the analyzer maps by `sourceStart`, and a typed array per section (its
 * own memory outside the heap) was a measurable part of reading an answer.
 */
export function verbatimSection(label: string | undefined, labelLine: number | undefined, text: string, start: number): AnswerSection {
  let offsets: Int32Array | undefined;
  return {
    label,
    labelLine,
    text,
    sourceStart: start,
    get sourceOffsets() {
      return (offsets ??= contiguousOffsets(start, text.length));
    },
  };
}
