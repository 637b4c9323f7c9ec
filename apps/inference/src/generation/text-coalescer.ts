import type { TokenLogprob } from '@aip/contracts';

/**
 * Most token log probabilities one message carries: with 20 alternatives each, about 1.3 kB a
 * token, so a message stays well under NATS's 1 MB payload limit.
 */
export const MAX_LOGPROBS_PER_MESSAGE = 256;

/**
 * Gathers generated text into fewer, larger messages: the first piece goes out at once (time
 * to first token), later pieces at most every `intervalMs` or once `maxChars` have gathered.
 * At thousands of tokens a second, one message per token would cost more than generating.
 * The log probabilities of the tokens (when asked for) travel with their text.
 */
export class TextCoalescer {
  private buffer = '';
  private logprobs: TokenLogprob[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sentFirst = false;

  constructor(
    private readonly send: (text: string, logprobs?: TokenLogprob[]) => void,
    private readonly intervalMs: number,
    private readonly maxChars: number,
  ) {}

  push(text: string, logprobs?: readonly TokenLogprob[]): void {
    if (text === '' && !logprobs?.length) return;
    this.buffer += text;
    if (logprobs) this.logprobs.push(...logprobs);
    if (
      !this.sentFirst ||
      this.buffer.length >= this.maxChars ||
      this.logprobs.length >= MAX_LOGPROBS_PER_MESSAGE
    ) {
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
    if (this.buffer === '' && this.logprobs.length === 0) return;
    const text = this.buffer;
    const logprobs = this.logprobs;
    this.buffer = '';
    this.logprobs = [];
    if (logprobs.length > 0) this.send(text, logprobs);
    else this.send(text);
  }

  /** Drops what has gathered and stops the timer (on failure or cancellation). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.buffer = '';
    this.logprobs = [];
  }
}
