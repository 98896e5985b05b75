/** Batches smaller than this finish before a bar would be worth reading. */
export const PROGRESS_MIN_FILES = 300;

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Whether to draw a bar: only on an interactive stderr (never a pipe, a file or CI's log), and only for a long batch. */
export function wantsProgress(stream: { isTTY?: boolean } | undefined, files: number): boolean {
  return Boolean(stream?.isTTY) && files >= PROGRESS_MIN_FILES;
}

/**
 * A progress bar on `stream` (the terminal's stderr), or undefined when none is wanted. cli-progress
 * is loaded only here, so a small batch or a pipe never pays for it. The bar is cleared when done.
 */
export async function startProgress(stream: NodeJS.WriteStream | undefined, files: number): Promise<Progress | undefined> {
  if (!stream || !wantsProgress(stream, files)) return undefined;
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({
    stream,
    format: 'answer-coach {bar} {value}/{total} answers  {percentage}%  eta {eta_formatted}',
    barsize: 30,
    clearOnComplete: true,
    hideCursor: true,
    fps: 10,
  });
  bar.start(files, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
