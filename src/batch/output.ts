/**
 * Collects output into large writes: a batch of thousands of answers makes thousands of small
 * pieces, and one write per piece would cost a system call each.
 */
export class OutputBuffer {
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly sink: (text: string) => void,
    private readonly limit = 64 * 1024,
  ) {}

  write(text: string): void {
    if (!text) return;
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (!this.pending.length) return;
    this.sink(this.pending.join(''));
    this.pending = [];
    this.size = 0;
  }
}
