import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { registeredMetric } from '@aip/platform';
import { ErrorCode, MAX_SEED, PlatformError, type TokenLogprob } from '@aip/contracts';
import { InferenceConfig } from '../config/inference.config';
import type { LlamaContextSequence, LlamaGrammar, Token } from '../llama/llama-types';
import { importLlamaCpp } from '../llama/llama-types';
import { ModelRegistry, type ReadyModel } from '../models/model-registry.service';
import { promptKey } from '../models/warm-sequences';
import { toChatHistory } from './chat-history';
import { runChoices } from './choice-slots';
import { evaluatePromptLogprobs, tokenizeAsCompletion } from './sampling/prompt-logprobs';
import { SamplingRecorder } from './sampling/sampling-recorder';
import {
  TextGenerator,
  type ChoiceListener,
  type ChoicesOptions,
  type GenerationParams,
  type GenerationResult,
} from './text-generator';
import { chatFunctionCalling, type ChatFunctionCalling } from './tools/chat-functions';
import { forcingFunctionCall } from './tools/forced-function-call';
import { ToolCallAssembler } from './tools/tool-call-assembler';

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

/** What every choice of a request shares: its grammar or function calling, and its key. */
interface PreparedRequest {
  grammar?: LlamaGrammar;
  calling?: ChatFunctionCalling;
  /** The input as warm sequences key it (see promptKey). */
  keyed: Parameters<typeof promptKey>[0];
}

/** Each choice its own seed, so that `n` sampled choices differ and each still repeats. */
const seedOfChoice = (seed: number | undefined, index: number) =>
  seed === undefined ? undefined : (seed + index) % (MAX_SEED + 1);

/**
 * Generation on the registry's models through node-llama-cpp. Each choice of a request takes
 * one sequence of its model's shared context (the first waiting in the model's bounded queue
 * when all are busy, the others taking only sequences free at once, else following one after
 * another) and gives it back when done, failed or aborted; what runs at once is decoded together.
 */
@Injectable()
export class LlamaTextGenerator extends TextGenerator {
  constructor(
    private readonly registry: ModelRegistry,
    private readonly config: InferenceConfig,
  ) {
    super();
  }

  async generateChoices(
    params: GenerationParams,
    n: number,
    options: ChoicesOptions = {},
  ): Promise<GenerationResult[]> {
    const ready = this.registry.get(params.model);
    const prepared = await this.prepare(ready, params);
    const timeoutMs = this.config.INFERENCE_REQUEST_TIMEOUT_MS;
    const deadline = AbortSignal.timeout(timeoutMs);
    const failed = new AbortController();
    const signal = AbortSignal.any(
      options.signal ? [options.signal, deadline, failed.signal] : [deadline, failed.signal],
    );
    const releases: (() => void)[] = [];
    try {
      releases.push(await ready.pool.acquire(signal));
      while (releases.length < n) {
        const extra = ready.pool.tryAcquire();
        if (!extra) break;
        releases.push(extra);
      }
      return await runChoices(n, releases.length, failed, (index) =>
        this.generateOnSequence(
          ready,
          { ...params, seed: seedOfChoice(params.seed, index) },
          prepared,
          signal,
          options.choice?.(index) ?? {},
          index === 0 ? options.onPromptLogprobs : undefined,
        ),
      );
    } catch (error) {
      if (deadline.aborted && !options.signal?.aborted) {
        throw new PlatformError(
          ErrorCode.Timeout,
          `Generation took longer than the limit of ${timeoutMs} ms (INFERENCE_REQUEST_TIMEOUT_MS)`,
          { model: ready.name, timeoutMs },
        );
      }
      throw error;
    } finally {
      for (const release of releases) release();
    }
  }

  /** The request's grammar or function calling, checked before any sequence is taken. */
  private async prepare(ready: ReadyModel, params: GenerationParams): Promise<PreparedRequest> {
    if ((params.prompt === undefined) === (params.messages === undefined)) {
      throw new PlatformError(ErrorCode.ValidationFailed, 'Give either prompt or messages');
    }
    const calling = chatFunctionCalling(params.tools, params.toolChoice);
    if (calling && params.jsonSchema !== undefined) {
      // node-llama-cpp constrains a reply by a grammar or by function calling, not both.
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        'response_format json_schema or json_object cannot be combined with tools unless tool_choice is none',
        { field: 'response_format' },
      );
    }
    return {
      grammar: await this.grammarFor(ready, params.jsonSchema),
      calling,
      keyed: { prompt: params.prompt, messages: params.messages, tools: calling?.functions },
    };
  }

  /** One choice on one sequence of the model, kept warm afterwards with what it then holds. */
  private async generateOnSequence(
    ready: ReadyModel,
    params: GenerationParams,
    prepared: PreparedRequest,
    signal: AbortSignal,
    listener: ChoiceListener,
    onPromptLogprobs: ((logprobs: TokenLogprob[]) => void) | undefined,
  ): Promise<GenerationResult> {
    let sequence: LlamaContextSequence | undefined;
    // Where the sequence goes afterwards: back warm with the conversation it now holds, or
    // disposed when its generation failed in an unknown state.
    let keepAs: string | undefined;
    try {
      sequence = ready.sequences.take(promptKey(prepared.keyed)).sequence;
      const result = await this.run(
        ready,
        sequence,
        params,
        prepared,
        signal,
        listener,
        onPromptLogprobs,
      );
      keepAs = promptKey(prepared.keyed, { content: result.text, toolCalls: result.toolCalls });
      return result;
    } catch (error) {
      // An aborted generation stops between tokens: the state is sound, the key is the prompt's.
      if (signal.aborted) keepAs = promptKey(prepared.keyed);
      throw error;
    } finally {
      if (sequence && keepAs !== undefined) ready.sequences.give(sequence, keepAs);
      else if (sequence) await ready.sequences.discard(sequence);
    }
  }

  private async run(
    ready: ReadyModel,
    sequence: LlamaContextSequence,
    params: GenerationParams,
    { grammar, calling }: PreparedRequest,
    signal: AbortSignal,
    listener: ChoiceListener,
    onPromptLogprobs: ((logprobs: TokenLogprob[]) => void) | undefined,
  ): Promise<GenerationResult> {
    const llamaCpp = await importLlamaCpp();
    const { LlamaChat, LlamaCompletion, resolveChatWrapper } = llamaCpp;
    let completionTokens = 0;
    let promptTokens: number | undefined;
    // The sequence's meter counts every token it ever evaluated: this request's share is the
    // difference, and the prompt tokens it did not evaluate were already in the sequence.
    const meteredBefore = sequence.tokenMeter.usedInputTokens;
    let evaluatedPromptTokens: number | undefined;
    // node-llama-cpp stops cleanly (with what it has) on this abort, where the caller's aborts
    // throw: stopping at the context's end is a finish, not a failure.
    const contextEnd = params.stopAtContextEnd ? new AbortController() : undefined;
    const measurePrompt = (outputTokens: number) => {
      // Read before the first token: context shifts later re-evaluate (and meter) old tokens.
      if (promptTokens !== undefined) return;
      evaluatedPromptTokens = sequence.tokenMeter.usedInputTokens - meteredBefore;
      promptTokens = sequence.contextTokens.length - outputTokens;
    };
    // A function call is no output to onToken: the first token sampled marks the prompt's end
    // (counted as onToken counts it, with that token), and the tokens sampled fill the context.
    const onSample = (sampled: number) => {
      measurePrompt(1);
      if (calling && promptTokens! + sampled >= sequence.contextSize) contextEnd?.abort();
    };
    const recorder =
      params.logprobs || calling
        ? new SamplingRecorder(sequence, ready.model, params.logprobs, onSample)
        : undefined;
    // onToken comes just before onTextChunk with the same tokens: their log probabilities wait.
    let logprobs: TokenLogprob[] | undefined;
    const common = {
      maxTokens: params.maxTokens,
      temperature: params.temperature ?? 0,
      topP: params.topP,
      topK: params.topK,
      seed: params.seed,
      customStopTriggers: params.stop?.length ? params.stop : undefined,
      signal: contextEnd ? AbortSignal.any([signal, contextEnd.signal]) : signal,
      stopOnAbortSignal: contextEnd !== undefined,
      // The text exactly as generated, so streamed pieces always join to the final text.
      trimWhitespaceSuffix: false,
      onTextChunk:
        listener.onText &&
        ((text: string) => {
          listener.onText?.(text, logprobs);
          logprobs = undefined;
        }),
      onToken: (tokens: Token[]) => {
        measurePrompt(tokens.length);
        completionTokens += tokens.length;
        if (params.logprobs) logprobs = [...(logprobs ?? []), ...recorder!.logprobsOf(tokens)];
        if (promptTokens! + completionTokens >= sequence.contextSize) contextEnd?.abort();
      },
    };
    const evaluated = recorder?.sequence ?? sequence;
    let text: string;
    let stopReason: StopReason;
    let calls: ToolCallAssembler | undefined;
    if (params.messages) {
      const chat = new LlamaChat({
        contextSequence: evaluated,
        ...(calling?.forced
          ? { chatWrapper: forcingFunctionCall(resolveChatWrapper(ready.model), llamaCpp) }
          : {}),
      });
      try {
        const history = toChatHistory(params.messages) as never;
        if (calling) {
          const assembler = new ToolCallAssembler(listener.onToolCall);
          calls = assembler;
          const reply = await chat.generateResponse(history, {
            ...common,
            functions: calling.functions as never,
            ...(params.parallelToolCalls === false ? { maxParallelFunctionCalls: 1 } : {}),
            onFunctionCallParamsChunk: (chunk) => assembler.paramsChunk(chunk),
            onFunctionCall: (call) => assembler.functionCall(call),
          });
          text = reply.response;
          stopReason = reply.metadata.stopReason;
        } else {
          const reply = await chat.generateResponse(history, { ...common, grammar });
          text = reply.response;
          stopReason = reply.metadata.stopReason;
        }
      } finally {
        chat.dispose({ disposeSequence: false });
      }
    } else {
      const completion = new LlamaCompletion({ contextSequence: evaluated });
      try {
        let input: string | Token[] = params.prompt ?? '';
        if (params.promptLogprobs && onPromptLogprobs) {
          // The prompt's own log probabilities, evaluated once: the completion then goes on
          // from the sequence that holds it.
          const prompt = tokenizeAsCompletion(ready.model, input);
          onPromptLogprobs(
            await evaluatePromptLogprobs(sequence, ready.model, prompt, params.logprobs?.top ?? 0),
          );
          input = prompt.tokens;
        }
        const reply = await completion.generateCompletionWithMeta(input, { ...common, grammar });
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
    const toolCalls = calls?.toolCalls ?? [];
    const cutShort = stopReason === 'maxTokens' || contextEnd?.signal.aborted === true;
    return {
      model: ready.name,
      text,
      promptTokens: promptTokens ?? sequence.tokenMeter.usedInputTokens,
      // The output callbacks leave out what the model wrote in function calling syntax.
      completionTokens: calling ? recorder!.count : completionTokens,
      finishReason: cutShort ? 'length' : toolCalls.length > 0 ? 'tool_calls' : 'stop',
      ...(toolCalls.length > 0 ? { toolCalls } : {}),
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
