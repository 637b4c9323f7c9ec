import type {
  GenerationChoiceEnd,
  GenerationChunk,
  GenerationDoneChunk,
  TokenLogprob,
} from '@aip/contracts';
import { MAX_LOGPROBS_PER_MESSAGE, TextCoalescer } from './text-coalescer';
import type { ChoiceListener, GenerationResult } from './text-generator';

/** Longest streamed text waits before it is sent on (after the first piece, sent at once). */
export const STREAM_FLUSH_MS = 8;
/** Streamed text sent on as soon as this much has gathered. */
export const STREAM_FLUSH_CHARS = 2048;

/**
 * The messages of one generation reply. `streamed`: text (with its tokens' log probabilities)
 * and tool calls go out as they are generated, each choice's in order, and the final message
 * only says how each choice ended; otherwise the final message carries all of it. A request
 * asking for log probabilities is always streamed: all of them in one message could pass NATS's
 * payload limit.
 */
export class GenerationReply {
  private readonly coalescers = new Map<number, TextCoalescer>();

  constructor(
    private readonly send: (chunk: GenerationChunk) => void,
    readonly streamed: boolean,
  ) {}

  /** What choice `index` reports as it is generated. */
  listener(index: number): ChoiceListener {
    if (!this.streamed) return {};
    const choice = index === 0 ? {} : { choice: index };
    const coalescer = new TextCoalescer(
      (text, logprobs) =>
        this.send({ type: 'text', text, ...choice, ...(logprobs ? { logprobs } : {}) }),
      STREAM_FLUSH_MS,
      STREAM_FLUSH_CHARS,
    );
    this.coalescers.set(index, coalescer);
    return {
      onText: (text, logprobs) => coalescer.push(text, logprobs),
      onToolCall: (piece) => {
        // Text written before a call goes out before it.
        coalescer.flush();
        this.send({ type: 'tool_call', ...choice, ...piece });
      },
    };
  }

  promptLogprobs(logprobs: TokenLogprob[]): void {
    for (let start = 0; start < logprobs.length; start += MAX_LOGPROBS_PER_MESSAGE) {
      this.send({
        type: 'prompt_logprobs',
        logprobs: logprobs.slice(start, start + MAX_LOGPROBS_PER_MESSAGE),
      });
    }
  }

  /** The final message, after what every choice still had gathered. */
  done(results: GenerationResult[], vectorId: string | undefined): void {
    for (const coalescer of this.coalescers.values()) coalescer.flush();
    const ends: GenerationChoiceEnd[] = results.map((result, index) => ({
      index,
      finish_reason: result.finishReason,
      ...(this.streamed ? {} : this.content(result)),
    }));
    const first = results[0]!;
    // As OpenAI counts `n` choices: the prompt once, every choice's completion.
    const promptTokens = first.promptTokens;
    const completionTokens = results.reduce((total, result) => total + result.completionTokens, 0);
    const done: GenerationDoneChunk = {
      type: 'done',
      model: first.model,
      ...(this.streamed ? {} : this.content(first)),
      finish_reason: first.finishReason,
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
      ...(results.length > 1 ? { choices: ends } : {}),
      ...(vectorId === undefined ? {} : { vector_id: vectorId }),
    };
    this.send(done);
  }

  /** Drops what was gathered (on failure or cancellation). */
  close(): void {
    for (const coalescer of this.coalescers.values()) coalescer.close();
  }

  private content(result: GenerationResult): Pick<GenerationChoiceEnd, 'text' | 'tool_calls'> {
    return { text: result.text, ...(result.toolCalls ? { tool_calls: result.toolCalls } : {}) };
  }
}
