import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { defer, finalize, lastValueFrom, reduce, tap, type Observable } from 'rxjs';
import {
  generationCancelSubject,
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

export type GenerationSubject = Subject.InferenceGenerate | Subject.InferenceChat;
export type GenerationPayload =
  Omit<GenerateRequest, 'generation_id'> | Omit<ChatRequest, 'generation_id'>;

/** A whole generation: its text and the final message (finish reason, usage). */
export interface Generation {
  text: string;
  done: GenerationDoneChunk;
}

/**
 * The inference service's generation, over NATS. A caller that stops reading a stream before
 * its end (its HTTP client went away) cancels the generation on the inference service, which
 * frees the sequence at once: unsubscribing alone would leave it generating for nobody.
 */
@Injectable()
export class GenerationClient {
  constructor(
    private readonly client: ServiceClient,
    @Inject(NATS_CLIENT) private readonly nats: ClientProxy,
    private readonly config: GatewayConfig,
  ) {}

  stream(subject: GenerationSubject, payload: GenerationPayload): Observable<GenerationChunk> {
    return defer(() => {
      const generationId = randomUUID();
      let ended = false;
      return this.client
        .stream<GenerationChunk>(
          ServiceName.Inference,
          subject,
          { ...payload, stream: true, generation_id: generationId },
          // A request may wait in the model's queue before its first token.
          { timeoutMs: this.config.GATEWAY_REQUEST_TIMEOUT_MS },
        )
        .pipe(
          tap({ complete: () => (ended = true), error: () => (ended = true) }),
          finalize(() => {
            if (!ended) this.cancel(generationId);
          }),
        );
    });
  }

  /** The whole text at once (the service sends it in its final message). */
  async complete(subject: GenerationSubject, payload: GenerationPayload): Promise<Generation> {
    const generationId = randomUUID();
    const chunks = this.client.stream<GenerationChunk>(
      ServiceName.Inference,
      subject,
      { ...payload, stream: false, generation_id: generationId },
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

  private cancel(generationId: string): void {
    try {
      this.nats.unwrap<NatsConnection>().publish(generationCancelSubject(generationId));
    } catch {
      // No connection: the generation ends at the inference service's time limit instead.
    }
  }
}
