import type { StarPart } from '../answer/types.js';
import type { Rubric, ScoreWeights } from '../rubric/types.js';
import type { PhraseSet } from '../text/phrases.js';
import type { AnswerDocument, Role, Span } from './document.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** One thing worth telling the author, located in the original file (document-level findings point at 1:1). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The text the finding is about. */
  text?: string;
  suggestion?: string;
}

export interface StarPartSummary {
  present: boolean;
  words: number;
  /** Share of the story's words (0–1). */
  share: number;
}

/**
 * How a piece of pillar evidence shows its pillar: `shown` by something the speaker (or their
 * team) did in the story, or `claimed` as a value, a habit, a plan or a self-description ("I am
 * patient", "I would call them back").
 */
export type EvidenceKind = 'shown' | 'claimed';
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['shown', 'claimed'];

export interface Evidence extends Span {
  kind: EvidenceKind;
  /** What made these words count, in a few words ("your step in the story", "a value you state"). */
  why: string;
}

export interface PillarResult {
  id: string;
  name: string;
  /** Shown or claimed. */
  present: boolean;
  /** `shown` when any evidence is shown, else `claimed` when any is claimed, else `missing`. */
  status: EvidenceKind | 'missing';
  evidence: Evidence[];
}

/** How the analyzer read one sentence: its part of the story and the cue or rule that decided it. */
export interface SentenceReading extends Span {
  part: Role;
  why: string;
}

export interface MetricSpan extends Span {
  /** What kind of quantity: percent, money, count, time, rating, multiplier, retention, change. */
  kind: string;
  /** Where it stands in the story. */
  part: Role;
}

export interface JargonSpan extends Span {
  suggestion: string;
}

export interface TalkingPointResult {
  id: string;
  name: string;
  present: boolean;
  evidence: Span[];
}

export interface Stats {
  words: number;
  sentences: number;
  speakingSeconds: number;
  fillers: number;
  hedges: number;
}

/** Everything the analyzer found in one answer. */
export interface Report {
  rubric: string;
  question?: string;
  score: number;
  /** Each part's score, 0–1, before weighting. */
  scoreParts: Record<keyof ScoreWeights, number>;
  star: Record<StarPart, StarPartSummary>;
  pillars: PillarResult[];
  metrics: MetricSpan[];
  jargon: JargonSpan[];
  opening: TalkingPointResult[];
  /** Every sentence in order, with the part it was read as and why (the explain view). */
  sentences: SentenceReading[];
  findings: Finding[];
  stats: Stats;
}

/** What every check is given: the document, tokenized once, and the rubric's compiled phrases. */
export interface CheckContext {
  doc: AnswerDocument;
  rubric: Rubric;
  phrases(list: readonly string[]): PhraseSet;
  finding(rule: string, severity: Severity, message: string, at?: { start: number; end: number }, suggestion?: string): Finding;
}

/** A check's contribution: findings, its score part (0–1), and its section of the report. */
export interface CheckResult {
  findings: Finding[];
  score: number;
  report: Partial<Omit<Report, 'findings' | 'score' | 'scoreParts' | 'rubric' | 'question'>>;
}

/** One check per module, listed in checks/index.ts. Its id is also its score weight's name. */
export interface Check {
  id: keyof ScoreWeights;
  description: string;
  /** Rule ids its findings use. */
  rules: readonly string[];
  run(ctx: CheckContext): CheckResult;
}
