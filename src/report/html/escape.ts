import { sanitize } from '../sanitize.js';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Untrusted text (answer text, file names, questions, messages) as HTML text or an attribute
 * value: control and bidi characters shown as escapes by the one sanitizer (so nothing reorders
 * what a reader sees: Trojan Source), markup characters escaped, so `<script>` or
 * `"><img onerror=…>` in an answer shows as what it is.
 */
export function esc(text: string): string {
  return sanitize(text).replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/** `count thing` or `count things`. */
export const plural = (n: number, word: string, many = word + 's') => `${n} ${n === 1 ? word : many}`;

/** A share (0–1) as a whole percentage. */
export const pct = (share: number) => `${Math.round(share * 100)}%`;
