/**
 * Gathers generated text into fewer, larger messages: the first piece goes out at once (time
 * to first token), later pieces at most every `intervalMs` or once `maxChars` have gathered.
 * At thousands of tokens a second, one message per token would cost more than generating.
 */
export class TextCoalescer {
  private buffer = '';
  private timer: NodeJS.Timeout | undefined;
  private sentFirst = false;

  constructor(
    private readonly send: (text: string) => void,
    private readonly intervalMs: number,
    private readonly maxChars: number,
  ) {}

  push(text: string): void {
    if (text === '') return;
    this.buffer += text;
    if (!this.sentFirst || this.buffer.length >= this.maxChars) {
      this.sentFirst = true;
      this.flush();
    } else {
      this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
    }
  }

  /** Sends what has gathered (call before the final message). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffer === '') return;
    const text = this.buffer;
    this.buffer = '';
    this.send(text);
  }

  /** Drops what has gathered and stops the timer (on failure or cancellation). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.buffer = '';
  }
}
