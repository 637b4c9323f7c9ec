import { Injectable } from '@nestjs/common';
import type { ServiceName } from '@aip/contracts';
import { CalleeClient } from '@aip/platform';

/** The embedding service over NATS: dense and keyword vectors of texts, and model dimensions. */
@Injectable()
export class EmbeddingClient extends CalleeClient<ServiceName.Embedding> {}
