import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import {
  ChatRequest,
  DEFAULT_MAX_TOKENS,
  GenerateRequest,
  Subject,
  type GenerationChunk,
  type GenerationRouting,
} from '@aip/contracts';
import { ConversationStore } from '../conversations/conversation-store.service';
import { conversationOf } from './conversation-of';
import { GenerationCancellations } from './generation-cancellations.service';
import { TextCoalescer } from './text-coalescer';
import { TextGenerator, type GenerationParams } from './text-generator';
import { Handles } from '@aip/platform';

/** Longest streamed text waits before it is sent on (after the first piece, sent at once). */
export const STREAM_FLUSH_MS = 8;
/** Streamed text sent on as soon as this much has gathered. */
export const STREAM_FLUSH_CHARS = 2048;

/**
 * Generation over NATS. A streamed request gets its text in coalesced `text` messages, then a
 * `done` message with the finish reason and usage; otherwise only the `done` message, with all
 * of the text. A cancellation from the caller (see generationCancelSubject) stops the
 * generation and frees its sequence.
 */
@Controller()
export class GenerateHandler {
  constructor(
    private readonly generator: TextGenerator,
    private readonly cancellations: GenerationCancellations,
    private readonly conversations: ConversationStore,
  ) {}

  @Handles(Subject.InferenceGenerate)
  generate(@Payload() request: GenerateRequest): Observable<GenerationChunk> {
    return this.run(request, { prompt: request.prompt });
  }

  @Handles(Subject.InferenceChat)
  chat(@Payload() request: ChatRequest): Observable<GenerationChunk> {
    return this.run(request, {
      messages: request.messages.map(({ role, content }) => ({ role, content })),
    });
  }

  private run(
    request: GenerationRouting,
    input: Pick<GenerationParams, 'prompt' | 'messages'>,
  ): Observable<GenerationChunk> {
    return new Observable<GenerationChunk>((subscriber) => {
      const controller = new AbortController();
      const coalescer = request.stream
        ? new TextCoalescer(
            (text) => subscriber.next({ type: 'text', text }),
            STREAM_FLUSH_MS,
            STREAM_FLUSH_CHARS,
          )
        : undefined;
      const stopWatching = this.cancellations.abortOnCancel(request.generation_id, controller);
      this.generator
        .generate(
          {
            ...input,
            model: request.model,
            maxTokens: request.max_tokens ?? DEFAULT_MAX_TOKENS,
            temperature: request.temperature,
            topP: request.top_p,
            topK: request.top_k,
            seed: request.seed,
            stop: request.stop,
            jsonSchema: request.json_schema,
            stopAtContextEnd: request.stop_at_context_end,
          },
          { signal: controller.signal, onText: coalescer && ((text) => coalescer.push(text)) },
        )
        .then(async (result) => ({
          result,
          vectorId: request.store_embedding
            ? await this.conversations.store(conversationOf(input, result, request.tenant))
            : undefined,
        }))
        .then(
          ({ result, vectorId }) => {
            coalescer?.flush();
            subscriber.next({
              type: 'done',
              model: result.model,
              ...(coalescer ? {} : { text: result.text }),
              finish_reason: result.finishReason,
              usage: {
                prompt_tokens: result.promptTokens,
                completion_tokens: result.completionTokens,
                total_tokens: result.promptTokens + result.completionTokens,
              },
              ...(vectorId === undefined ? {} : { vector_id: vectorId }),
            });
            subscriber.complete();
          },
          (error: unknown) => {
            coalescer?.close();
            // Cancelled by the caller, who no longer listens: nothing to report.
            if (controller.signal.aborted) subscriber.complete();
            else subscriber.error(error);
          },
        )
        .finally(stopWatching);
      return () => controller.abort(new Error('reply stream closed'));
    });
  }
}
