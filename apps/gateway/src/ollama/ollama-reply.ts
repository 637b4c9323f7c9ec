import { lastValueFrom, tap, type Observable } from 'rxjs';
import type { GenerationChunk, GenerationDoneChunk } from '@aip/contracts';
import type { StreamFormat, StreamFraming } from '../generation/streamed-reply';

/** Which Ollama route a reply answers: chat puts text in `message`, generate in `response`. */
export type OllamaReplyKind = 'chat' | 'generate';

/** Ollama's timings, in nanoseconds, and token counts of a finished generation. */
export interface OllamaStats {
  total_duration: number;
  load_duration: number;
  prompt_eval_count: number;
  prompt_eval_duration: number;
  eval_count: number;
  eval_duration: number;
}

/**
 * Times one generation as the gateway sees it: from the request to the first text is the prompt
 * evaluation (with any wait in the model's queue), from there to the end the generation. Models
 * are loaded when the inference service starts, so loading takes no time of a request.
 */
export class GenerationClock {
  private readonly started: bigint;
  private firstText: bigint | undefined;

  constructor(private readonly now: () => bigint = () => process.hrtime.bigint()) {
    this.started = now();
  }

  sawText(): void {
    this.firstText ??= this.now();
  }

  stats(done: GenerationDoneChunk): OllamaStats {
    const ended = this.now();
    const firstText = this.firstText ?? ended;
    return {
      total_duration: Number(ended - this.started),
      load_duration: 0,
      prompt_eval_count: done.usage.prompt_tokens,
      prompt_eval_duration: Number(firstText - this.started),
      eval_count: done.usage.completion_tokens,
      eval_duration: Number(ended - firstText),
    };
  }
}

/** The pieces of one Ollama reply, all naming the model as the request did. */
export class OllamaReply {
  constructor(
    private readonly kind: OllamaReplyKind,
    private readonly model: string,
    readonly clock: GenerationClock = new GenerationClock(),
  ) {}

  /** One streamed piece of text. */
  delta(text: string): Record<string, unknown> {
    return { ...this.head(), ...this.text(text), done: false };
  }

  /** The last object of a stream (text `''`), or the whole reply with all of its text. */
  final(done: GenerationDoneChunk, text = ''): Record<string, unknown> {
    return {
      ...this.head(),
      ...this.text(text),
      done: true,
      done_reason: done.finish_reason,
      ...this.clock.stats(done),
    };
  }

  /** Ollama's answer to a request with nothing to generate: the model is loaded, and that is all. */
  loaded(): Record<string, unknown> {
    return { ...this.head(), ...this.text(''), done: true, done_reason: 'load' };
  }

  private head() {
    return { model: this.model, created_at: new Date().toISOString() };
  }

  private text(text: string) {
    return this.kind === 'chat'
      ? { message: { role: 'assistant', content: text } }
      : { response: text };
  }
}

/** A generation's stream as Ollama streams it: text pieces, then the object with the stats. */
export function ollamaStreamFormat(reply: OllamaReply): StreamFormat<GenerationChunk> {
  return {
    events: (chunk) => {
      if (chunk.type === 'done') return [reply.final(chunk)];
      // Ollama's requests ask for no tool calls or log probabilities: only text comes.
      if (chunk.type !== 'text') return [];
      reply.clock.sawText();
      return chunk.text === '' ? [] : [reply.delta(chunk.text)];
    },
  };
}

/**
 * The whole reply of `stream: false`. It is read from the same stream as a streamed one, so its
 * timings split at the first text as a streamed reply's do.
 */
export async function wholeReply(
  chunks: Observable<GenerationChunk>,
  reply: OllamaReply,
): Promise<Record<string, unknown>> {
  let text = '';
  let done: GenerationDoneChunk | undefined;
  await lastValueFrom(
    chunks.pipe(
      tap((chunk) => {
        if (chunk.type === 'done') {
          done = chunk;
          return;
        }
        if (chunk.type !== 'text') return;
        reply.clock.sawText();
        text += chunk.text;
      }),
    ),
  );
  return reply.final(done!, text);
}

/** Ollama streams one JSON object a line; a failure mid-stream is a line of its error shape. */
export const NDJSON: StreamFraming = {
  contentType: 'application/x-ndjson',
  frame: (payload) => `${JSON.stringify(payload)}\n`,
  failure: (error) => ({ error: error.message }),
};
