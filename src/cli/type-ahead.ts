// Keys typed ahead are kept for the next prompt. Each inquirer prompt reads the terminal through
// its own readline, which the prompt closes a tick after the Enter that answers it; keys that
// arrive in that gap (the rest of a paste, or a fast typist going on after Enter) went to the
// finished prompt and were dropped. This stream sits between the terminal and the prompts and
// hands over what comes after an Enter only once the prompt that took the Enter has either closed
// (then the keys wait, paused, for the next prompt) or is still open (then it gets them).
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/** The part of a terminal's input stream that readline uses. */
export interface TerminalInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  isRaw?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface TypeAhead extends Readable {
  readonly isTTY: boolean;
  readonly isRaw: boolean;
  setRawMode(mode: boolean): TypeAhead;
  /** Stops reading the terminal, so the process can exit. */
  dispose(): void;
}

// Longer than a prompt takes to close after its Enter (a setImmediate and a few promise steps), far
// shorter than the multi-line prompt's wait for more pasted text (60 ms).
const AFTER_ENTER_MS = 10;

// "ab\rcd\r\ref" → ["ab\r", "cd\r", "\r", "ef"]: each piece ends at an Enter
const PIECES = /[^\r\n]*(?:\r\n|[\r\n])|[^\r\n]+/g;

export function typeAhead(source: TerminalInput): TypeAhead {
  const decoder = new StringDecoder('utf8');
  const queue: string[] = [];
  let waiting: NodeJS.Timeout | undefined;
  let reading = false;

  const pump = () => {
    // `readableFlowing` is false once the prompt's readline has paused or closed
    while (!waiting && queue.length && stream.readableFlowing) {
      const piece = queue.shift()!;
      stream.push(piece);
      if (/[\r\n]$/.test(piece)) {
        // the prompt closes on an immediate queued by the Enter; queue ours after it
        waiting = setTimeout(() => setImmediate(() => ((waiting = undefined), pump())), AFTER_ENTER_MS);
      }
    }
  };
  const onData = (chunk: Buffer | string) => {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    queue.push(...(text.match(PIECES) ?? []));
    pump();
  };
  const onEnd = () => {
    queue.length = 0;
    stream.push(null);
  };

  const stream = new Readable({
    read() {
      if (!reading) {
        reading = true;
        source.on('data', onData);
        source.on('end', onEnd);
      }
      source.resume();
      pump();
    },
  }) as TypeAhead;
  stream.on('resume', () => setImmediate(pump));
  Object.defineProperties(stream, {
    isTTY: { get: () => Boolean(source.isTTY) },
    isRaw: { get: () => Boolean(source.isRaw) },
  });
  stream.setRawMode = (mode: boolean) => {
    source.setRawMode?.(mode);
    return stream;
  };
  stream.dispose = () => {
    clearTimeout(waiting);
    source.removeListener('data', onData);
    source.removeListener('end', onEnd);
    source.pause();
  };
  return stream;
}
