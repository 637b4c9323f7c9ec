import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { lastValueFrom, reduce, type Observable } from 'rxjs';
import {
  ServiceName,
  Subject,
  type ChatRequest,
  type GenerateRequest,
  type GenerationChunk,
  type GenerationDoneChunk,
  type InferenceModelInfo,
} from '@aip/contracts';
import { NATS_CLIENT, ServiceClient } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';
import { cancellableGeneration } from './cancellable-generation';

export type GenerationSubject = Subject.InferenceGenerate | Subject.InferenceChat;
export type GenerationPayload =
  Omit<GenerateRequest, 'generation_id'> | Omit<ChatRequest, 'generation_id'>;

/** A whole generation: its text and the final message (finish reason, usage). */
export interface Generation {
  text: string;
  done: GenerationDoneChunk;
}

/**
 * The inference service's generation, over NATS. A stream whose reader goes away before its end
 * cancels the generation there (see `cancellableGeneration`).
 */
@Injectable()
export class GenerationClient {
  constructor(
    private readonly client: ServiceClient,
    @Inject(NATS_CLIENT) private readonly nats: ClientProxy,
    private readonly config: GatewayConfig,
  ) {}

  stream(subject: GenerationSubject, payload: GenerationPayload): Observable<GenerationChunk> {
    // A request may wait in the model's queue before its first token.
    return cancellableGeneration<GenerationChunk>(
      this.client,
      this.nats,
      subject,
      payload,
      this.config.GATEWAY_REQUEST_TIMEOUT_MS,
    );
  }

  /** The whole text at once (the service sends it in its final message). */
  async complete(subject: GenerationSubject, payload: GenerationPayload): Promise<Generation> {
    const chunks = this.client.stream<GenerationChunk>(
      ServiceName.Inference,
      subject,
      { ...payload, stream: false, generation_id: randomUUID() },
      { timeoutMs: this.config.GATEWAY_REQUEST_TIMEOUT_MS },
    );
    return lastValueFrom(
      chunks.pipe(
        reduce<GenerationChunk, Partial<Generation>>(
          (acc, chunk) =>
            chunk.type === 'text'
              ? { ...acc, text: (acc.text ?? '') + chunk.text }
              : { text: (acc.text ?? '') + (chunk.text ?? ''), done: chunk },
          {},
        ),
      ),
    ) as Promise<Generation>;
  }

  models(): Promise<InferenceModelInfo[]> {
    return this.client.request<InferenceModelInfo[]>(
      ServiceName.Inference,
      Subject.InferenceModels,
      {},
    );
  }
}
