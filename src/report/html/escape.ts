import { sanitize } from '../sanitize.js';

// Bidi embeddings, overrides, isolates and marks: they could reorder what a reader sees (Trojan Source).
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Untrusted text (answer text, file names, questions, messages) as HTML text or an attribute
 * value: control and bidi characters dropped, markup characters escaped, so `<script>` or
 * `"><img onerror=…>` in an answer shows as what it is.
 */
export function esc(text: string): string {
  return sanitize(text)
    .replace(BIDI, '')
    .replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/** `count thing` or `count things`. */
export const plural = (n: number, word: string, many = word + 's') => `${n} ${n === 1 ? word : many}`;

/** A share (0–1) as a whole percentage. */
export const pct = (share: number) => `${Math.round(share * 100)}%`;
