import { Injectable } from '@nestjs/common';
import type { ServiceName } from '@aip/contracts';
import { CalleeClient } from '@aip/platform';

/** The embedding service over NATS: which model new memory collections are made with. */
@Injectable()
export class EmbeddingClient extends CalleeClient<ServiceName.Embedding> {}
