/** Every process of the platform. Values are used as NATS queue groups and in logs: never rename. */
export enum ServiceName {
  Gateway = 'gateway',
  Inference = 'inference',
  Embedding = 'embedding',
  Vector = 'vector',
  SyncWorker = 'sync-worker',
  VectorEngine = 'vector-engine',
}

/** Services that answer requests over NATS (the gateway only sends; vector-engine speaks HTTP). */
export const NATS_SERVICES = [
  ServiceName.Inference,
  ServiceName.Embedding,
  ServiceName.Vector,
  ServiceName.SyncWorker,
] as const;

export type NatsServiceName = (typeof NATS_SERVICES)[number];
