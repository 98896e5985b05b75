// The one sanitizer for every untrusted string that reaches a person: answer text, file names,
// rubric text, history fields, config values. Nothing is removed silently; what could act on the
// terminal or hide what the text says is escaped visibly, so the reader sees that it is there:
// - control characters (C0, DEL, C1) other than tab and newline: an escape sequence can recolour,
//   move the cursor or clear the screen (ESC [ 2 J becomes the text \x1b[2J);
// - bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C), which reorder what is
//   shown (Trojan Source), and the other invisible format characters (zero-width space, word
//   joiner, BOM, invisible operators, interlinear annotation, tag characters used for hidden
//   "ASCII smuggling"), line and paragraph separators, lone surrogates, and letters that render
//   as nothing (Hangul fillers, Khmer inherent vowels, the combining grapheme joiner);
// - zero-width joiner and non-joiner (U+200D, U+200C) stay: emoji sequences and several scripts
//   need them, and they cannot reorder or hide text on their own.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0]/gu;
const JOINERS = new Set(['\u200c', '\u200d']);
const LINES = new Set(['\t', '\n']);
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible form of one unsafe character: \n, \r, \t by name, \xHH below U+0100, \uHHHH, or \u{HHHHH} beyond the BMP. */
function escapeChar(ch: string): string {
  if (Object.hasOwn(NAMED, ch)) return NAMED[ch];
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16);
  if (code < 0x100) return `\\x${hex.padStart(2, '0')}`;
  return code > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/** Untrusted text made safe to print, keeping its lines and tabs; every other unsafe character is escaped visibly. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (ch) => (LINES.has(ch) || JOINERS.has(ch) ? ch : escapeChar(ch)));
}

/** Sanitized and folded to one line, for messages that must stay on one line. */
export function oneLine(text: string): string {
  return sanitize(text).replace(/\s+/g, ' ').trim();
}

/**
 * A file name on one line, as it is: line breaks and tabs shown as \n, \r, \t and every other
 * unsafe character escaped, so one file is always one line and no name can draw a line of its own.
 */
export function fileName(name: string): string {
  return name.replace(UNSAFE, (ch) => (JOINERS.has(ch) ? ch : escapeChar(ch)));
}
