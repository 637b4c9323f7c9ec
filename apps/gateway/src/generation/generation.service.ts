import { Injectable } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import {
  CONVERSATIONS_COLLECTION,
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

/**
 * Generation for one caller: admitted by the caller's generated-tokens-per-minute limit, and
 * charged what it generated when it ends.
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
    const scoped = this.scoped(principal, payload);
    await this.limits.admit(principal);
    const generation = await this.inference.complete(subject, scoped);
    await this.limits.charge(principal, generation.done.usage.completion_tokens);
    return generation;
  }

  async stream(
    principal: Principal,
    subject: GenerationSubject,
    payload: GenerationPayload,
  ): Promise<Observable<GenerationChunk>> {
    const scoped = this.scoped(principal, payload);
    await this.limits.admit(principal);
    return this.inference.generate(subject, scoped).pipe(
      tap((chunk) => {
        if (chunk.type === 'done')
          void this.limits.charge(principal, chunk.usage.completion_tokens);
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
