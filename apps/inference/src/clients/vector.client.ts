import { Injectable } from '@nestjs/common';
import type { ServiceName } from '@aip/contracts';
import { CalleeClient } from '@aip/platform';

/** The vector service over NATS: RAG retrieval and the memory collections. */
@Injectable()
export class VectorClient extends CalleeClient<ServiceName.Vector> {}
