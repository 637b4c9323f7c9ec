import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PlatformError,
  RAG_DEFAULT_MAX_TOKENS,
  RAG_DEFAULT_TOP_K,
  type RagAnswer,
  type RagQueryRequest,
} from '@aip/contracts';
import { InteractionLog, type PastExample } from '../feedback/interaction-log.service';
import { TextGenerator, type GenerationOptions } from '../generation/text-generator';
import { ModelRegistry } from '../models/model-registry.service';
import { citationsFor } from './rag-citations';
import { ragConfidence } from './rag-confidence';
import {
  buildRagPrompt,
  contextCharsFor,
  RAG_RESERVED_TOKENS,
  type RagPrompt,
  type RetrievedPassage,
} from './rag-prompt';
import { RagRetrieval, since } from './rag-retrieval.service';

/** Times the context is shrunk to fit when the model's tokenizer counts more than estimated. */
const FIT_ATTEMPTS = 3;

/**
 * Retrieval-augmented generation: finds the question's passages, gives them to the model
 * numbered, with well-rated past answers when asked, and answers with the passages the answer
 * cites, a confidence from the retrieval scores and an interaction id to rate it by.
 */
@Injectable()
export class RagService {
  constructor(
    private readonly retrieval: RagRetrieval,
    private readonly generator: TextGenerator,
    private readonly registry: ModelRegistry,
    private readonly interactions: InteractionLog,
  ) {}

  async answer(request: RagQueryRequest, options: GenerationOptions = {}): Promise<RagAnswer> {
    // Fail fast, before any search, when the model cannot answer.
    const ready = this.registry.get(request.model);
    const maxTokens = request.max_tokens ?? RAG_DEFAULT_MAX_TOKENS;
    const [found, examples] = await Promise.all([
      this.retrieval.retrieve(request, request.top_k ?? RAG_DEFAULT_TOP_K),
      request.use_feedback
        ? this.interactions.examples(request.question, request.collection, request.tenant)
        : Promise.resolve([]),
    ]);
    const timings = { embed_ms: found.embedMs, search_ms: found.searchMs, generate_ms: 0 };
    if (found.passages.length === 0) {
      const answer = noContextAnswer(request);
      options.onText?.(answer);
      const outcome = {
        answer,
        model: null,
        citations: [],
        citations_from: 'none' as const,
        confidence: 0,
        timings,
        usage: { prompt_tokens: 0, completion_tokens: 0 },
        finish_reason: 'no_context' as const,
        examples: [],
      };
      return { ...outcome, interaction_id: await this.keep(request, outcome) };
    }

    const prompt = this.fit(request.question, found.passages, examples, maxTokens, ready);
    const generateStart = performance.now();
    const result = await this.generator.generate(
      {
        model: request.model,
        messages: prompt.messages,
        maxTokens,
        temperature: request.temperature,
        seed: request.seed,
      },
      options,
    );
    timings.generate_ms = since(generateStart);
    const { citations, from } = citationsFor(result.text, prompt.passages);
    const cited = new Set(citations.map((c) => c.index));
    const confidence = ragConfidence(
      prompt.passages.map((p) => p.similarity),
      from === 'answer'
        ? prompt.passages.filter((p) => cited.has(p.index)).map((p) => p.similarity)
        : [],
    );
    const outcome = {
      answer: result.text,
      model: result.model,
      citations,
      citations_from: from,
      confidence,
      timings,
      usage: { prompt_tokens: result.promptTokens, completion_tokens: result.completionTokens },
      finish_reason: result.finishReason,
      examples: prompt.examples.map((e) => e.id),
    };
    return { ...outcome, interaction_id: await this.keep(request, outcome) };
  }

  /**
   * The prompt, with as much context as the model's context holds besides the answer: first
   * estimated from characters, then checked with the model's own tokenizer and shrunk to fit.
   */
  private fit(
    question: string,
    passages: RetrievedPassage[],
    examples: PastExample[],
    maxTokens: number,
    ready: ReturnType<ModelRegistry['get']>,
  ): RagPrompt {
    const contextTokens = ready.context.contextSize;
    const room = contextTokens - maxTokens - RAG_RESERVED_TOKENS;
    let chars = contextCharsFor(contextTokens, maxTokens, question);
    for (let attempt = 0; attempt < FIT_ATTEMPTS && chars > 0; attempt++) {
      const prompt = buildRagPrompt(question, passages, examples, chars);
      if (prompt.passages.length === 0) break;
      const tokens = prompt.messages.reduce(
        (sum, m) => sum + ready.model.tokenize(m.content).length,
        0,
      );
      if (tokens <= room) return prompt;
      // Shrink by the measured overshoot, with a margin.
      chars = Math.floor((chars * room * 0.9) / tokens);
    }
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `The question and max_tokens ${maxTokens} leave no room for context passages in model ${ready.name}'s context of ${contextTokens} tokens: lower max_tokens or shorten the question`,
      { field: 'max_tokens', max_tokens: maxTokens, context_size: contextTokens },
    );
  }

  private keep(
    request: RagQueryRequest,
    outcome: Omit<RagAnswer, 'interaction_id'>,
  ): Promise<string | null> {
    return this.interactions.record({
      question: request.question,
      answer: outcome.answer,
      citations: outcome.citations,
      model: outcome.model,
      collection: request.collection,
      confidence: outcome.confidence,
      tenant: request.tenant,
    });
  }
}

/** What a query answers when no passage clears the threshold: nothing is made up. */
export function noContextAnswer(request: RagQueryRequest): string {
  const threshold =
    request.score_threshold === undefined ? '' : ` (score_threshold ${request.score_threshold})`;
  return `No passage in collection ${request.collection} is relevant enough to answer this question${threshold}, so no answer was generated.`;
}
