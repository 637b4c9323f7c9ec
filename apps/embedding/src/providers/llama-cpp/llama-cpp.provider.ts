import { basename } from 'node:path';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { EmbeddingProvider } from '../embedding-provider';
import type { LlamaCppOptions } from './llama-cpp.options';

type LlamaModule = typeof import('node-llama-cpp');
type Llama = Awaited<ReturnType<LlamaModule['getLlama']>>;
type LlamaModel = Awaited<ReturnType<Llama['loadModel']>>;
type EmbeddingContext = Awaited<ReturnType<LlamaModel['createEmbeddingContext']>>;

/**
 * Tokens kept free in the context: llama.cpp adds beginning and end tokens, and node-llama-cpp
 * wants the input shorter than the context.
 */
const KEPT_FREE_TOKENS = 3;

/**
 * Any GGUF embedding model through llama.cpp (node-llama-cpp's prebuilt binaries, never built
 * or downloaded at run time). A batch is spread over `contexts` embedding contexts, each
 * embedding its texts one after another; texts longer than the context are cut to it.
 */
export class LlamaCppProvider implements EmbeddingProvider {
  readonly kind = 'llama-cpp';
  readonly model: string;
  private llama?: Llama;
  private loaded?: LlamaModel;
  private contexts: EmbeddingContext[] = [];
  private loading?: Promise<void>;
  private maxTokens = 0;

  constructor(private readonly options: LlamaCppOptions) {
    this.model = options.model.startsWith('hf:') ? options.model : basename(options.model);
  }

  get dimension(): number {
    return this.loaded?.embeddingVectorSize ?? 0;
  }

  /** Idempotent: concurrent calls share one load; a failed load may be retried. */
  init(): Promise<void> {
    this.loading ??= this.load().catch(async (error: unknown) => {
      await this.dispose();
      throw error;
    });
    return this.loading;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const model = this.loaded;
    if (!model || this.contexts.length === 0) {
      throw new PlatformError(
        ErrorCode.ModelNotLoaded,
        `Embedding model ${this.model} is not loaded`,
        {
          model: this.model,
        },
      );
    }
    const vectors = new Array<Float32Array>(texts.length);
    // Context c takes texts c, c + n, c + 2n...: each context works through its share in turn.
    await Promise.all(
      this.contexts.map(async (context, c) => {
        for (let i = c; i < texts.length; i += this.contexts.length) {
          vectors[i] = await this.embedOne(model, context, texts[i]);
        }
      }),
    );
    return vectors;
  }

  async dispose(): Promise<void> {
    const contexts = this.contexts;
    this.contexts = [];
    await Promise.all(contexts.map((context) => context.dispose()));
    await this.loaded?.dispose();
    await this.llama?.dispose();
    this.loaded = undefined;
    this.llama = undefined;
    this.loading = undefined;
  }

  private async embedOne(
    model: LlamaModel,
    context: EmbeddingContext,
    text: string,
  ): Promise<Float32Array> {
    const tokens = model.tokenize(text).slice(0, this.maxTokens);
    const { vector } = await context.getEmbeddingFor(tokens);
    return normalise(vector, model.embeddingVectorSize);
  }

  private async load(): Promise<void> {
    // node-llama-cpp is ESM with top-level await: it must be imported, not required.
    const { getLlama, LlamaLogLevel, resolveModelFile } =
      (await import('node-llama-cpp')) as LlamaModule;
    const { options } = this;
    const file = await resolveModelFile(options.model, {
      directory: options.modelsDir,
      download: options.download ? 'auto' : false,
      cli: false,
    }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `cannot find ${options.model} (models folder ${options.modelsDir}` +
          `${options.download ? '' : ', download off'}): ${reason}`,
      );
    });
    this.llama = await getLlama({
      gpu: options.gpu ? 'auto' : false,
      build: 'never',
      maxThreads: options.threads,
      logLevel: LlamaLogLevel.warn,
    });
    this.loaded = await this.llama.loadModel({ modelPath: file });
    const contextSize = Math.min(options.contextSize, this.loaded.trainContextSize);
    for (let c = 0; c < options.contexts; c++) {
      this.contexts.push(
        await this.loaded.createEmbeddingContext({
          contextSize,
          batchSize: contextSize,
          threads: options.threads,
        }),
      );
    }
    this.maxTokens = contextSize - KEPT_FREE_TOKENS;
  }
}

/** L2-normalised copy (zeros for an empty text, which has no tokens to embed). */
function normalise(vector: readonly number[], dimension: number): Float32Array {
  const out = new Float32Array(dimension);
  let norm = 0;
  for (let d = 0; d < vector.length; d++) norm += vector[d] * vector[d];
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < vector.length; d++) out[d] = vector[d] * scale;
  return out;
}
