import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './text.js';
import type { AnswerFormat, ParsedAnswer } from './types.js';
import { parseYamlAnswer } from './yaml.js';

export * from './types.js';

/** The answer format a file name implies; anything unknown is plain text. */
export function formatForPath(path: string): AnswerFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  return 'text';
}

/** Parses answer text in the given format. Pure: the caller reads the file. */
export function parseAnswer(source: string, format: AnswerFormat): ParsedAnswer {
  switch (format) {
    case 'markdown':
      return parseMarkdown(source);
    case 'yaml':
      return parseYamlAnswer(source);
    default:
      return parsePlainText(source);
  }
}
