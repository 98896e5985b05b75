import { stripVTControlCharacters } from 'node:util';

// C0 and C1 control characters other than tab and newline; stripVTControlCharacters removes whole
// escape sequences first, so no fragment of one survives.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Makes untrusted text (answer text, file names, rubric strings) safe to print to a terminal. */
export function sanitize(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROL, '');
}

/** Sanitized and folded to one line, for messages that must stay on one line. */
export function oneLine(text: string): string {
  return sanitize(text).replace(/\s+/g, ' ').trim();
}
