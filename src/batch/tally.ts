import { SEVERITIES, type Report, type Severity } from '../analyze/types.js';
import type { Summary } from '../report/types.js';

/** What the summary needs of one report: a worker sends these few numbers, not the report. */
export interface AnswerFacts {
  score: number;
  findings: Record<Severity, number>;
}

export function factsOf(report: Report): AnswerFacts {
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) findings[f.severity]++;
  return { score: report.score, findings };
}

/**
 * The run's summary, counted one report at a time (the streamed batch drops each report once it
 * is written). Same numbers as report/summary.ts `summarize` over the whole list.
 */
export class Tally {
  private analyzed = 0;
  private failed = 0;
  private failing = 0;
  private scoreSum = 0;
  private readonly findings = { error: 0, warning: 0, info: 0 };

  constructor(private readonly options: { failOn: Severity; minScore?: number }) {}

  add(report: Report | AnswerFacts): void {
    const facts = 'rubric' in report ? factsOf(report) : report;
    this.analyzed++;
    this.scoreSum += facts.score;
    const limit = SEVERITIES.indexOf(this.options.failOn);
    let fails = false;
    for (const severity of SEVERITIES) {
      this.findings[severity] += facts.findings[severity];
      if (facts.findings[severity] && SEVERITIES.indexOf(severity) <= limit) fails = true;
    }
    if (fails || (this.options.minScore !== undefined && facts.score < this.options.minScore)) this.failing++;
  }

  addError(): void {
    this.failed++;
  }

  summary(): Summary {
    const averageScore = this.analyzed ? Math.round(this.scoreSum / this.analyzed) : null;
    return { files: this.analyzed + this.failed, analyzed: this.analyzed, failed: this.failed, findings: { ...this.findings }, averageScore, failing: this.failing };
  }
}
