import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type { NatsConnection } from '@nats-io/transport-node';
import { defer, finalize, lastValueFrom, reduce, tap, type Observable } from 'rxjs';
import {
  generationCancelSubject,
  Subject,
  type ChatRequest,
  type GenerateRequest,
  type GenerationChunk,
  type RagAnswer,
  type RagQueryRequest,
  type RagStreamEvent,
  type ServiceName,
} from '@aip/contracts';
import { CalleeClient, NATS_CLIENT, ServiceClient } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';
import { GenerationAssembly, type Generation } from './generation-assembly';

export type { GeneratedChoice, Generation } from './generation-assembly';

export type GenerationSubject = Subject.InferenceGenerate | Subject.InferenceChat;
export type GenerationPayload =
  Omit<GenerateRequest, 'generation_id'> | Omit<ChatRequest, 'generation_id'>;
export type RagPayload = Omit<RagQueryRequest, 'stream' | 'generation_id'>;

/**
 * The inference service over NATS: generation, RAG, feedback and models. Generations and RAG
 * queries may wait in a model's queue before their first token, so they get the gateway's
 * request timeout. A stream whose reader goes away before its end cancels the generation there.
 */
@Injectable()
export class InferenceClient extends CalleeClient<ServiceName.Inference> {
  constructor(
    services: ServiceClient,
    @Inject(NATS_CLIENT) private readonly nats: ClientProxy,
    private readonly config: GatewayConfig,
  ) {
    super(services);
  }

  generate(subject: GenerationSubject, payload: GenerationPayload): Observable<GenerationChunk> {
    return this.cancellable((generation_id) =>
      this.stream(
        subject,
        { ...payload, stream: true, generation_id },
        {
          timeoutMs: this.config.GATEWAY_REQUEST_TIMEOUT_MS,
        },
      ),
    );
  }

  /**
   * The whole generation at once: the service sends it in its final message, or (with log
   * probabilities, which could outgrow one message) in pieces assembled here.
   */
  async complete(subject: GenerationSubject, payload: GenerationPayload): Promise<Generation> {
    const chunks = this.stream(
      subject,
      { ...payload, stream: false, generation_id: randomUUID() },
      { timeoutMs: this.config.GATEWAY_REQUEST_TIMEOUT_MS },
    );
    const assembly = await lastValueFrom(
      chunks.pipe(
        reduce<GenerationChunk, GenerationAssembly>(
          (assembly, chunk) => assembly.add(chunk),
          new GenerationAssembly(),
        ),
      ),
    );
    return assembly.result();
  }

  answer(payload: RagPayload): Promise<RagAnswer> {
    return this.request(
      Subject.InferenceRagQuery,
      { ...payload, stream: false, generation_id: randomUUID() },
      { timeoutMs: this.config.GATEWAY_REQUEST_TIMEOUT_MS },
    );
  }

  answerStream(payload: RagPayload): Observable<RagStreamEvent> {
    return this.cancellable((generation_id) =>
      this.stream(
        Subject.InferenceRagQuery,
        { ...payload, stream: true, generation_id },
        { timeoutMs: this.config.GATEWAY_REQUEST_TIMEOUT_MS },
      ),
    );
  }

  /**
   * A streamed generation under a fresh generation id. A reader that stops before its end (its
   * HTTP client went away) cancels the generation, which frees the sequence at once:
   * unsubscribing alone would leave it generating for nobody.
   */
  private cancellable<T>(start: (generationId: string) => Observable<T>): Observable<T> {
    return defer(() => {
      const generationId = randomUUID();
      let ended = false;
      return start(generationId).pipe(
        tap({ complete: () => (ended = true), error: () => (ended = true) }),
        finalize(() => {
          if (!ended) this.cancel(generationId);
        }),
      );
    });
  }

  private cancel(generationId: string): void {
    try {
      this.nats.unwrap<NatsConnection>().publish(generationCancelSubject(generationId));
    } catch {
      // No connection: the generation ends at the inference service's time limit instead.
    }
  }
}
