import { createHash } from 'node:crypto';
import type { Report } from '../analyze/types.js';
import { STAR_PARTS, type StarPart } from '../answer/types.js';
import { ATTEMPT_VERSION, type Attempt } from './types.js';

export interface AttemptSource {
  /** The answer file as the user named it, or `<stdin>`; the caller makes it absolute. */
  file: string;
  /** The answer text that was analyzed; only its hash is kept. */
  content: string;
  source?: Attempt['source'];
  /** When it happened; now by default. */
  at?: Date;
}

/** sha256 of the text, hex. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** The history line for one analyzed answer. Pure apart from the default timestamp. */
export function attemptFromReport(report: Report, from: AttemptSource): Attempt {
  const findings: Record<string, number> = {};
  for (const f of report.findings) findings[f.rule] = (findings[f.rule] ?? 0) + 1;
  const star = Object.fromEntries(STAR_PARTS.map((p) => [p, report.star[p].present])) as Record<StarPart, boolean>;
  return {
    v: ATTEMPT_VERSION,
    at: (from.at ?? new Date()).toISOString(),
    source: from.source ?? 'check',
    ...(report.question ? { question: report.question } : {}),
    rubric: report.rubric,
    score: report.score,
    star,
    pillars: report.pillars.filter((p) => p.present).map((p) => p.id),
    pillarsMissing: report.pillars.filter((p) => !p.present).map((p) => p.id),
    metric: report.metrics.some((m) => m.part === 'result'),
    findings,
    file: from.file,
    hash: contentHash(from.content),
  };
}
