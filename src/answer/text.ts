import { contiguousOffsets, type ParsedAnswer } from './types.js';

/** A plain-text answer is one unlabelled section; the analyzer finds its STAR parts. */
export function parsePlainText(source: string): ParsedAnswer {
  return { format: 'text', source, sections: [{ text: source, sourceOffsets: contiguousOffsets(0, source.length) }] };
}
