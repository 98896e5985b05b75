// Where practice keeps what is typed: the draft, written whole after every line, and the answer
// saved at the end. A draft write can fail (a full disk, a read-only or deleted folder); then the
// text is written to a private file in the system's temporary folder instead, and the person is
// told in one line what was kept and where, never pointed at a draft that was never written.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { statOrUndefined } from '../io/index.js';
import { fileName } from '../report/sanitize.js';

/**
 * Writes a file so that a reader sees the old content or the new, never half of it. The file gets
 * exactly `mode` (the umask does not narrow it); new folders get `dirMode`.
 */
export function writeAtomic(path: string, text: string, { mode = 0o600, dirMode }: { mode?: number; dirMode?: number } = {}): void {
  makeFolder(dirname(path), dirMode);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode });
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** mkdir -p; a failure is the real one (Node's recursive mkdir says ENOENT for a read-only or forbidden parent too). */
function makeFolder(dir: string, mode?: number): void {
  try {
    mkdirSync(dir, { recursive: true, mode });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    let first = dir;
    while (dirname(first) !== first && !existsSync(dirname(first))) first = dirname(first);
    mkdirSync(first, { mode }); // throws EROFS, EACCES, … when that is what went wrong
    throw e;
  }
}

/** The mode an answer written at `path` gets: that of the file it replaces (through a symlink too), else private (0600). */
export function modeFor(path: string): number {
  const existing = statOrUndefined(path);
  return existing?.isFile() ? existing.mode & 0o7777 : 0o600;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOENT: 'its folder is gone',
  ENOTDIR: 'its folder is gone',
  EIO: 'an input/output error',
};

/** Why a write failed, in words. */
export function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && Object.hasOwn(REASONS, code) ? REASONS[code] : undefined) ?? (e instanceof Error ? e.message : String(e));
}

/** A draft that could not be saved: its message is the one line to show (what was kept, and where). */
export class DraftSaveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftSaveError';
  }
}

/** A path as a shell reads it back: bare when it is plain, else in single quotes. */
export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** One practice session's draft on disk. */
export class DraftFile {
  /** The draft as last written whole; undefined until a write succeeds. */
  saved?: string;
  /** Set once a write failed: the one line saying what was kept and where. */
  failure?: string;
  private target?: string;

  /**
   * `pick` names the draft's file the first time it is saved; `resumed` is a draft read back
   * (already on disk); `onFailure` is told once, when a write fails (practice aborts its prompt).
   */
  constructor(
    private readonly pick: () => string,
    resumed?: string,
    private readonly onFailure?: () => void,
    private readonly fallbackDir = tmpdir(),
  ) {
    this.saved = resumed;
    this.target = resumed;
  }

  /** Writes the draft (private: 0600, in a 0700 folder); throws DraftSaveError when it cannot. */
  save(markdown: string): void {
    if (this.failure) throw new DraftSaveError(this.failure);
    const path = (this.target ??= this.pick());
    try {
      writeAtomic(path, markdown, { mode: 0o600, dirMode: 0o700 });
      this.saved = path;
    } catch (e) {
      this.failure = this.describe(path, e, markdown);
      this.onFailure?.();
      throw new DraftSaveError(this.failure);
    }
  }

  /** The answer is saved: the draft goes. */
  discard(): void {
    if (this.saved) rmSync(this.saved, { force: true });
    this.saved = this.target = undefined;
  }

  private describe(path: string, e: unknown, markdown: string): string {
    const head = `could not save the draft to ${fileName(path)} (${writeFailure(e)})`;
    const fallback = join(this.fallbackDir, `answer-coach-draft-${process.pid}-${randomBytes(4).toString('hex')}.md`);
    try {
      writeFileSync(fallback, markdown, { flag: 'wx', mode: 0o600 });
      this.saved = fallback;
      return `${head}; everything typed so far is in ${fileName(fallback)} instead; resume with: answer-coach practice --resume ${fileName(shellQuote(fallback))}`;
    } catch {
      rmSync(fallback, { force: true });
    }
    if (this.saved) return `${head}; ${fileName(this.saved)} holds the draft as last saved, without what was typed since; resume with: answer-coach practice --resume ${fileName(shellQuote(this.saved))}`;
    return `${head}; nothing could be saved, here or in ${fileName(this.fallbackDir)}`;
  }
}
