import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** `--output-file` could not be written: the CLI says so in one line and exits 2. */
export class OutputFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`--output-file ${file}: ${reason}`);
    this.name = 'OutputFileError';
  }
}

const REASONS: Record<string, string> = { EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a folder', ENOTDIR: 'a part of the path is not a folder', EROFS: 'read-only file system', ENOSPC: 'no space left on the device' };
const reason = (e: unknown) => REASONS[(e as NodeJS.ErrnoException).code ?? ''] ?? 'cannot be written';

/**
 * The report written to a file instead of stdout (ESLint's --output-file), whatever the format:
 * it streams into a temporary file beside the target, and `commit` renames it into place, so the
 * file holds a whole report or its old content, never half of one. Missing folders are made.
 */
export class OutputFile {
  private readonly target: string;
  private readonly tmp: string;
  private fd: number | undefined;

  constructor(readonly file: string) {
    this.target = resolve(file);
    this.tmp = join(dirname(this.target), `.${basename(this.target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    if (existsSync(this.target) && statSync(this.target).isDirectory()) throw new OutputFileError(file, REASONS.EISDIR);
    try {
      mkdirSync(dirname(this.target), { recursive: true });
    } catch (e) {
      // a file where a folder should be
      throw new OutputFileError(file, (e as NodeJS.ErrnoException).code === 'EEXIST' ? REASONS.ENOTDIR : reason(e));
    }
    try {
      this.fd = openSync(this.tmp, 'wx', 0o666);
    } catch (e) {
      throw new OutputFileError(file, reason(e));
    }
  }

  /** Appends text (the sink of the report's output buffer). */
  readonly write = (text: string): void => {
    if (this.fd === undefined) return;
    try {
      writeSync(this.fd, text);
    } catch (e) {
      this.abort();
      throw new OutputFileError(this.file, reason(e));
    }
  };

  /** The report is complete: put it in place. */
  commit(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
    try {
      renameSync(this.tmp, this.target);
    } catch (e) {
      rmSync(this.tmp, { force: true });
      throw new OutputFileError(this.file, reason(e));
    }
  }

  /** The run failed before its report was complete: leave the target as it was. */
  abort(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tmp, { force: true });
  }
}
