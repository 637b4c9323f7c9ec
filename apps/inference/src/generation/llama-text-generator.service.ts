import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { registeredMetric } from '@aip/platform';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { InferenceConfig } from '../config/inference.config';
import type { LlamaContextSequence, LlamaGrammar } from '../llama/llama-types';
import { importLlamaCpp } from '../llama/llama-types';
import { ModelRegistry, type ReadyModel } from '../models/model-registry.service';
import { promptKey } from '../models/warm-sequences';
import { toChatHistory } from './chat-history';
import {
  TextGenerator,
  type GenerationOptions,
  type GenerationParams,
  type GenerationResult,
} from './text-generator';

/** Prompt tokens by whether a warm sequence already held them: the prompt-cache hit rate. */
const promptTokensMetric = registeredMetric(
  'aip_inference_prompt_tokens_total',
  () =>
    new Counter({
      name: 'aip_inference_prompt_tokens_total',
      help: 'Prompt tokens of generations: cache="reused" were already in a warm sequence, cache="evaluated" were computed',
      labelNames: ['model', 'cache'],
    }),
);

type StopReason = 'eogToken' | 'stopGenerationTrigger' | 'maxTokens' | 'abort' | string;

/**
 * Generation on the registry's models through node-llama-cpp. Each request takes one sequence
 * of its model's shared context (waiting in the model's bounded queue when all are busy) and
 * gives it back when done, failed or aborted; requests running at once are decoded together.
 */
@Injectable()
export class LlamaTextGenerator extends TextGenerator {
  constructor(
    private readonly registry: ModelRegistry,
    private readonly config: InferenceConfig,
  ) {
    super();
  }

  async generate(
    params: GenerationParams,
    options: GenerationOptions = {},
  ): Promise<GenerationResult> {
    const ready = this.registry.get(params.model);
    if ((params.prompt === undefined) === (params.messages === undefined)) {
      throw new PlatformError(ErrorCode.ValidationFailed, 'Give either prompt or messages');
    }
    const grammar = await this.grammarFor(ready, params.jsonSchema);
    const timeoutMs = this.config.INFERENCE_REQUEST_TIMEOUT_MS;
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    let release: (() => void) | undefined;
    let sequence: LlamaContextSequence | undefined;
    // Where the sequence goes afterwards: back warm with the conversation it now holds, or
    // disposed when its generation failed in an unknown state.
    let keepAs: string | undefined;
    try {
      release = await ready.pool.acquire(signal);
      sequence = ready.sequences.take(promptKey(params)).sequence;
      const result = await this.run(ready, sequence, params, grammar, signal, options.onText);
      keepAs = promptKey(params, result.text);
      return result;
    } catch (error) {
      // An aborted generation stops between tokens: the state is sound, the key is the prompt's.
      if (signal.aborted) keepAs = promptKey(params);
      if (deadline.aborted && !options.signal?.aborted) {
        throw new PlatformError(
          ErrorCode.Timeout,
          `Generation took longer than the limit of ${timeoutMs} ms (INFERENCE_REQUEST_TIMEOUT_MS)`,
          { model: ready.name, timeoutMs },
        );
      }
      throw error;
    } finally {
      if (sequence && keepAs !== undefined) ready.sequences.give(sequence, keepAs);
      else if (sequence) await ready.sequences.discard(sequence);
      release?.();
    }
  }

  private async run(
    ready: ReadyModel,
    sequence: LlamaContextSequence,
    params: GenerationParams,
    grammar: LlamaGrammar | undefined,
    signal: AbortSignal,
    onText: ((text: string) => void) | undefined,
  ): Promise<GenerationResult> {
    const { LlamaChat, LlamaCompletion } = await importLlamaCpp();
    let completionTokens = 0;
    let promptTokens: number | undefined;
    // The sequence's meter counts every token it ever evaluated: this request's share is the
    // difference, and the prompt tokens it did not evaluate were already in the sequence.
    const meteredBefore = sequence.tokenMeter.usedInputTokens;
    let evaluatedPromptTokens: number | undefined;
    // node-llama-cpp stops cleanly (with what it has) on this abort, where the caller's aborts
    // throw: stopping at the context's end is a finish, not a failure.
    const contextEnd = params.stopAtContextEnd ? new AbortController() : undefined;
    const common = {
      maxTokens: params.maxTokens,
      temperature: params.temperature ?? 0,
      topP: params.topP,
      topK: params.topK,
      seed: params.seed,
      grammar,
      customStopTriggers: params.stop?.length ? params.stop : undefined,
      signal: contextEnd ? AbortSignal.any([signal, contextEnd.signal]) : signal,
      stopOnAbortSignal: contextEnd !== undefined,
      // The text exactly as generated, so streamed pieces always join to the final text.
      trimWhitespaceSuffix: false,
      onTextChunk: onText,
      onToken: (tokens: readonly unknown[]) => {
        // Read before the first token: context shifts later re-evaluate (and meter) old tokens.
        if (promptTokens === undefined) {
          evaluatedPromptTokens = sequence.tokenMeter.usedInputTokens - meteredBefore;
          promptTokens = sequence.contextTokens.length - tokens.length;
        }
        completionTokens += tokens.length;
        if (promptTokens + completionTokens >= sequence.contextSize) contextEnd?.abort();
      },
    };
    let text: string;
    let stopReason: StopReason;
    if (params.messages) {
      const chat = new LlamaChat({ contextSequence: sequence });
      try {
        const reply = await chat.generateResponse(toChatHistory(params.messages), common);
        text = reply.response;
        stopReason = reply.metadata.stopReason;
      } finally {
        chat.dispose({ disposeSequence: false });
      }
    } else {
      const completion = new LlamaCompletion({ contextSequence: sequence });
      try {
        const reply = await completion.generateCompletionWithMeta(params.prompt ?? '', common);
        text = reply.response;
        stopReason = reply.metadata.stopReason;
      } finally {
        completion.dispose({ disposeSequence: false });
      }
    }
    signal.throwIfAborted();
    if (promptTokens !== undefined && evaluatedPromptTokens !== undefined) {
      const evaluated = Math.min(evaluatedPromptTokens, promptTokens);
      promptTokensMetric.inc({ model: ready.name, cache: 'evaluated' }, evaluated);
      promptTokensMetric.inc({ model: ready.name, cache: 'reused' }, promptTokens - evaluated);
    }
    return {
      model: ready.name,
      text,
      promptTokens: promptTokens ?? sequence.tokenMeter.usedInputTokens,
      completionTokens,
      finishReason: stopReason === 'maxTokens' || contextEnd?.signal.aborted ? 'length' : 'stop',
    };
  }

  /** The grammar enforcing a JSON schema; a schema llama.cpp cannot enforce is the caller's 400. */
  private async grammarFor(
    ready: ReadyModel,
    schema: Record<string, unknown> | undefined,
  ): Promise<LlamaGrammar | undefined> {
    if (schema === undefined) return undefined;
    try {
      // An empty schema means "any JSON object" (OpenAI's json_object mode).
      return Object.keys(schema).length === 0
        ? await ready.llama.getGrammarFor('json')
        : await ready.llama.createGrammarForJsonSchema(schema as never);
    } catch (error) {
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `json_schema cannot be enforced: ${error instanceof Error ? error.message : String(error)}`,
        { field: 'json_schema' },
      );
    }
  }
}
