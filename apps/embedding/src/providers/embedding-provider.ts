export interface EmbeddingProvider {
  /** Provider kind, e.g. 'glove-sif', 'llama-cpp', 'openai-compatible'. */
  readonly kind: string;
  /** Model name as reported to users. */
  readonly model: string;
  /** Output dimension (known after init). */
  readonly dimension: number;
  /** Loads weights/caches; called once at start. */
  init(): Promise<void>;
  /** One L2-normalised vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
  dispose?(): Promise<void>;
}
