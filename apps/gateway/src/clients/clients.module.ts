import { Global, Module } from '@nestjs/common';
import { EmbeddingClient } from './embedding.client';
import { InferenceClient } from './inference.client';
import { SyncWorkerClient } from './sync-worker.client';
import { VectorClient } from './vector.client';

const CLIENTS = [EmbeddingClient, InferenceClient, SyncWorkerClient, VectorClient];

/** One client per service the gateway calls, shared by every feature folder. */
@Global()
@Module({ providers: CLIENTS, exports: CLIENTS })
export class ClientsModule {}
