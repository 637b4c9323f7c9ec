import { Injectable } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import {
  CONVERSATIONS_COLLECTION,
  DEFAULT_MAX_TOKENS,
  ErrorCode,
  PlatformError,
  type GenerationChunk,
} from '@aip/contracts';
import { mayUseCollection, type Principal } from '@aip/rbac';
import { GenerationTokenLimits } from '../traffic/generation-token-limits.service';
import {
  InferenceClient,
  type Generation,
  type GenerationPayload,
  type GenerationSubject,
} from '../clients/inference.client';

/** The most a payload may generate: its max_tokens (or the service's default) for each choice. */
function mostTokensOf(payload: GenerationPayload): number {
  return (payload.max_tokens ?? DEFAULT_MAX_TOKENS) * (payload.n ?? 1);
}

/**
 * Generation for one caller: what it may generate is held against the caller's
 * generated-tokens-per-minute budget before it starts, and settled with what it generated.
 */
@Injectable()
export class GenerationService {
  constructor(
    private readonly inference: InferenceClient,
    private readonly limits: GenerationTokenLimits,
  ) {}

  async complete(
    principal: Principal,
    subject: GenerationSubject,
    payload: GenerationPayload,
  ): Promise<Generation> {
    const [generation] = await this.completeAll(principal, subject, [payload]);
    return generation!;
  }

  /** Several generations at once, held against the budget together: all fit, or none starts. */
  async completeAll(
    principal: Principal,
    subject: GenerationSubject,
    payloads: GenerationPayload[],
  ): Promise<Generation[]> {
    const scoped = payloads.map((payload) => this.scoped(principal, payload));
    const held = await this.limits.reserve(
      principal,
      payloads.reduce((sum, payload) => sum + mostTokensOf(payload), 0),
    );
    const outcomes = await Promise.allSettled(
      scoped.map((payload) => this.inference.complete(subject, payload)),
    );
    const generated = outcomes.reduce(
      (sum, outcome) =>
        sum + (outcome.status === 'fulfilled' ? outcome.value.done.usage.completion_tokens : 0),
      0,
    );
    await held.settle(generated);
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<Generation>).value);
  }

  async stream(
    principal: Principal,
    subject: GenerationSubject,
    payload: GenerationPayload,
  ): Promise<Observable<GenerationChunk>> {
    const scoped = this.scoped(principal, payload);
    const held = await this.limits.reserve(principal, mostTokensOf(payload));
    // A stream its reader abandons keeps what it held: how much it generated is not known.
    return this.inference.generate(subject, scoped).pipe(
      tap({
        next: (chunk) => {
          if (chunk.type === 'done') void held.settle(chunk.usage.completion_tokens);
        },
        error: () => void held.settle(0),
      }),
    );
  }

  private scoped(principal: Principal, payload: GenerationPayload): GenerationPayload {
    // Storing a generation writes into a collection: the caller's key must be allowed it.
    if (payload.store_embedding && !mayUseCollection(principal, CONVERSATIONS_COLLECTION))
      throw new PlatformError(
        ErrorCode.Forbidden,
        `store_embedding writes into collection ${CONVERSATIONS_COLLECTION}, which this key may not use`,
      );
    return principal.tenant === undefined ? payload : { ...payload, tenant: principal.tenant };
  }
}
