import type { Report } from '../analyze/types.js';

/** One analyzed file, as the formatters see it. */
export interface FileResult {
  file: string;
  report: Report;
  /** The answer's text as read (where the batch read it), for a format that draws on it (html); the others ignore it. */
  source?: string;
}

/** A file that could not be analyzed, with a one-line reason; a malformed file also names where. */
export interface FileError {
  /** The path as given (never with a position appended: a file may be named `notes:12:3`). */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface Summary {
  files: number;
  analyzed: number;
  failed: number;
  findings: { error: number; warning: number; info: number };
  averageScore: number | null;
  /** Answers with a finding at or above the threshold, or under --min-score. */
  failing: number;
}

export interface RunResult {
  results: FileResult[];
  errors: FileError[];
  summary: Summary;
}

export interface FormatOptions {
  color: boolean;
  version: string;
}
