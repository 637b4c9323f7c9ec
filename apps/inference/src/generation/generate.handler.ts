import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import {
  ChatRequest,
  DEFAULT_MAX_TOKENS,
  GenerateRequest,
  Subject,
  type ChatMessageContract,
  type GenerationChoices,
  type GenerationChunk,
} from '@aip/contracts';
import { ConversationStore } from '../conversations/conversation-store.service';
import { conversationOf } from './conversation-of';
import { GenerationCancellations } from './generation-cancellations.service';
import { GenerationReply } from './generation-reply';
import { TextGenerator, type ChatMessage, type GenerationParams } from './text-generator';
import { Handles } from '@aip/platform';

/** A message of a chat request as the generator takes it. */
function chatMessageOf(message: ChatMessageContract): ChatMessage {
  return {
    role: message.role,
    content: message.content ?? '',
    ...(message.tool_calls?.length
      ? {
          toolCalls: message.tool_calls.map(({ id, function: { name, arguments: args } }) => ({
            id,
            type: 'function' as const,
            function: { name, arguments: args },
          })),
        }
      : {}),
    ...(message.tool_call_id === undefined ? {} : { toolCallId: message.tool_call_id }),
  };
}

/**
 * Generation over NATS. A streamed request gets its text in coalesced `text` messages (and its
 * tool calls in `tool_call` pieces), then a `done` message with the finish reason and usage;
 * otherwise only the `done` message, with all of the text (see GenerationReply). A cancellation
 * from the caller (see generationCancelSubject) stops the generation and frees its sequence.
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
    return this.run(request, {
      prompt: request.prompt,
      promptLogprobs: request.prompt_logprobs,
    });
  }

  @Handles(Subject.InferenceChat)
  chat(@Payload() request: ChatRequest): Observable<GenerationChunk> {
    return this.run(request, {
      messages: request.messages.map(chatMessageOf),
      tools: request.tools?.map(({ function: tool }) => ({
        name: tool.name,
        description: tool.description,
        parameters: tool.parameters,
      })),
      toolChoice: request.tool_choice,
      parallelToolCalls: request.parallel_tool_calls,
    });
  }

  private run(
    request: GenerationChoices,
    input: Pick<
      GenerationParams,
      'prompt' | 'messages' | 'promptLogprobs' | 'tools' | 'toolChoice' | 'parallelToolCalls'
    >,
  ): Observable<GenerationChunk> {
    return new Observable<GenerationChunk>((subscriber) => {
      const controller = new AbortController();
      const reply = new GenerationReply(
        (chunk) => subscriber.next(chunk),
        request.stream === true || request.logprobs === true,
      );
      const stopWatching = this.cancellations.abortOnCancel(request.generation_id, controller);
      this.generator
        .generateChoices(
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
            logprobs: request.logprobs ? { top: request.top_logprobs ?? 0 } : undefined,
          },
          request.n ?? 1,
          {
            signal: controller.signal,
            choice: (index) => reply.listener(index),
            onPromptLogprobs: (logprobs) => reply.promptLogprobs(logprobs),
          },
        )
        .then(async (results) => ({
          results,
          vectorId: request.store_embedding
            ? await this.conversations.store(conversationOf(input, results[0]!, request.tenant))
            : undefined,
        }))
        .then(
          ({ results, vectorId }) => {
            reply.done(results, vectorId);
            subscriber.complete();
          },
          (error: unknown) => {
            reply.close();
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
