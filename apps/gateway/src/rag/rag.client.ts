import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type { Observable } from 'rxjs';
import {
  ServiceName,
  Subject,
  type FeedbackRequest,
  type FeedbackResult,
  type RagAnswer,
  type RagQueryRequest,
  type RagStreamEvent,
} from '@aip/contracts';
import { NATS_CLIENT, ServiceClient } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';
import { cancellableGeneration } from '../generation/cancellable-generation';

type RagPayload = Omit<RagQueryRequest, 'stream' | 'generation_id'>;

/**
 * RAG and feedback on the inference service, over NATS. A stream whose reader goes away before
 * its end cancels the query's generation there, freeing its sequence.
 */
@Injectable()
export class RagClient {
  constructor(
    private readonly client: ServiceClient,
    @Inject(NATS_CLIENT) private readonly nats: ClientProxy,
    private readonly config: GatewayConfig,
  ) {}

  answer(payload: RagPayload): Promise<RagAnswer> {
    return this.client.request<RagAnswer>(
      ServiceName.Inference,
      Subject.InferenceRagQuery,
      { ...payload, stream: false, generation_id: randomUUID() },
      // Retrieval, a wait in the model's queue and the whole generation come before the reply.
      { timeoutMs: this.config.GATEWAY_REQUEST_TIMEOUT_MS },
    );
  }

  stream(payload: RagPayload): Observable<RagStreamEvent> {
    return cancellableGeneration<RagStreamEvent>(
      this.client,
      this.nats,
      Subject.InferenceRagQuery,
      payload,
      this.config.GATEWAY_REQUEST_TIMEOUT_MS,
    );
  }

  feedback(payload: FeedbackRequest): Promise<FeedbackResult> {
    return this.client.request<FeedbackResult>(
      ServiceName.Inference,
      Subject.InferenceFeedback,
      payload,
    );
  }
}
