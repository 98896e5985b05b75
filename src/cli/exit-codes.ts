/** Exit codes, in one place (README: "Exit codes"). */
export const ExitCode = {
  /** Nothing at or above the --fail-on threshold, every score at or above --min-score. */
  Clean: 0,
  /** A finding at or above the threshold, or a score under --min-score. */
  Findings: 1,
  /** Bad usage, an unreadable or invalid input file, or a rubric error. */
  Error: 2,
  /** Interrupted (Ctrl-C). */
  Interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
