import { Injectable } from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import type { GenerationChunk } from '@aip/contracts';
import type { Principal } from '@aip/rbac';
import { GenerationTokenLimits } from '../traffic/generation-token-limits.service';
import {
  GenerationClient,
  type Generation,
  type GenerationPayload,
  type GenerationSubject,
} from './generation.client';

/**
 * Generation for one caller: admitted by the caller's generated-tokens-per-minute limit, and
 * charged what it generated when it ends.
 */
@Injectable()
export class GenerationService {
  constructor(
    private readonly client: GenerationClient,
    private readonly limits: GenerationTokenLimits,
  ) {}

  async complete(
    principal: Principal,
    subject: GenerationSubject,
    payload: GenerationPayload,
  ): Promise<Generation> {
    await this.limits.admit(principal);
    const generation = await this.client.complete(subject, this.scoped(principal, payload));
    await this.limits.charge(principal, generation.done.usage.completion_tokens);
    return generation;
  }

  async stream(
    principal: Principal,
    subject: GenerationSubject,
    payload: GenerationPayload,
  ): Promise<Observable<GenerationChunk>> {
    await this.limits.admit(principal);
    return this.client.stream(subject, this.scoped(principal, payload)).pipe(
      tap((chunk) => {
        if (chunk.type === 'done')
          void this.limits.charge(principal, chunk.usage.completion_tokens);
      }),
    );
  }

  private scoped(principal: Principal, payload: GenerationPayload): GenerationPayload {
    return principal.tenant === undefined ? payload : { ...payload, tenant: principal.tenant };
  }
}
