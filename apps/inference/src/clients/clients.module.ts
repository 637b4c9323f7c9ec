import { Global, Module } from '@nestjs/common';
import { EmbeddingClient } from './embedding.client';
import { VectorClient } from './vector.client';

/** One client per service the inference service calls, shared by its feature folders. */
@Global()
@Module({ providers: [EmbeddingClient, VectorClient], exports: [EmbeddingClient, VectorClient] })
export class ClientsModule {}
