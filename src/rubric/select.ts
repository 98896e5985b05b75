import { stem, tokenize } from '../text/tokens.js';
import type { Rubric } from './types.js';

const STOP = new Set(['a', 'an', 'the', 'you', 'your', 'to', 'of', 'do', 'does', 'what', 'me', 'about', 'is', 'for', 'with', 'in', 'had', 'have', 'it', 'that']);

// every answer is compared with every question of every rubric: each question's words are worked out once
const keyWordCache = new Map<string, Set<string>>();

function keyWords(question: string): Set<string> {
  let words = keyWordCache.get(question);
  if (!words) {
    words = new Set(tokenize(question).map((t) => t.norm).filter((w) => !STOP.has(w)).map(stem));
    if (keyWordCache.size > 10_000) keyWordCache.clear();
    keyWordCache.set(question, words);
  }
  return words;
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** How closely a question matches a rubric's question bank, 0–1 (1 for the same words). */
export function questionMatch(question: string, rubric: Rubric): number {
  const q = keyWords(question);
  return Math.max(0, ...rubric.questions.map((r) => similarity(q, keyWords(r))));
}

const MATCH_THRESHOLD = 0.6;
const STORY_ASK = /\b(tell me about|describe|give (me )?an example|talk about|walk me through|share)\b/i;
const STORY_OF = /\b(time|situation|occasion|moment|example)\b/gi;

/**
 * A "tell me about a time…" question: an ask, then later on the same line what it asks for. As
 * /\b(ask)\b.*\b(of)\b/i has it, but the ask is found once per line and what follows searched once:
 * that pattern ran `.*` to the end and back for every ask, quadratic in "describe describe …".
 */
export function isStoryQuestion(question: string): boolean {
  for (const line of question.split('\n')) {
    const ask = STORY_ASK.exec(line);
    if (!ask) continue;
    STORY_OF.lastIndex = ask.index + ask[0].length;
    if (STORY_OF.test(line)) return true;
  }
  return false;
}

/**
 * Picks the rubric for an answer from its question: the rubric whose bank holds the closest
 * question; a "tell me about a time…" question nobody's bank knows goes to `storyFallback`;
 * anything else (or no question) to `fallback`.
 */
export function selectRubric(question: string | undefined, rubrics: readonly Rubric[], fallback: string, storyFallback = 'behavioral'): string {
  if (!question?.trim()) return fallback;
  let best: { id: string; score: number } = { id: fallback, score: 0 };
  for (const r of rubrics) {
    const score = questionMatch(question, r);
    if (score > best.score) best = { id: r.id, score };
  }
  if (best.score >= MATCH_THRESHOLD) return best.id;
  if (isStoryQuestion(question) && rubrics.some((r) => r.id === storyFallback)) return storyFallback;
  return fallback;
}
