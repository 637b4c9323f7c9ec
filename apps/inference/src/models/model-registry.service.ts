import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ErrorCode, PlatformError, type InferenceModelInfo, type ModelState } from '@aip/contracts';
import { LOGGER, type Logger } from '@aip/platform';
import { InferenceConfig } from '../config/inference.config';
import { SequencePool } from './sequence-pool';
import { WarmSequences } from './warm-sequences';
import { LlamaRuntimeService } from '../llama/llama-runtime.service';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from '../llama/llama-types';
import type { ModelSpec } from '../config/model-config';
import { resolveModelPath } from './model-file';

/** What a request gets from a loaded model: the runtime, the weights and the shared context. */
export interface ReadyModel {
  name: string;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  pool: SequencePool;
  /** The context's sequences, kept warm between the requests the pool admits. */
  sequences: WarmSequences<LlamaContextSequence>;
}

interface RegistryEntry {
  spec: ModelSpec;
  state: ModelState;
  error?: string;
  ready?: ReadyModel;
}

/** Tells a caller with no model configured how to configure one. */
export const NO_MODEL_HINT =
  'No generation model is configured: set INFERENCE_MODEL=<file.gguf or hf:user/repo:file> ' +
  '(or INFERENCE_MODELS), e.g. write a tiny test model with `npm run model:tiny -- models/tiny.gguf` ' +
  'and start with INFERENCE_MODEL=models/tiny.gguf';

/**
 * The configured generation models, loaded at start: each gets one llama.cpp context whose
 * `parallel` sequences concurrent requests share, decoded together in batches.
 */
@Injectable()
export class ModelRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly entries = new Map<string, RegistryEntry>();
  readonly defaultModel: string | undefined;

  constructor(
    private readonly config: InferenceConfig,
    private readonly runtime: LlamaRuntimeService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    for (const spec of config.models()) this.entries.set(spec.name, { spec, state: 'loading' });
    this.defaultModel = config.defaultModel();
  }

  onApplicationBootstrap(): void {
    if (this.entries.size === 0) this.logger.warn(NO_MODEL_HINT);
    for (const entry of this.entries.values()) void this.load(entry);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const entry of this.entries.values()) {
      await entry.ready?.context.dispose();
      await entry.ready?.model.dispose();
    }
  }

  /** Every configured model has loaded (true with none: generation then answers 503). */
  get allReady(): boolean {
    return [...this.entries.values()].every((entry) => entry.state === 'ready');
  }

  states(): Record<string, string> {
    return Object.fromEntries(
      [...this.entries].map(([name, e]) => [name, e.error ? `${e.state}: ${e.error}` : e.state]),
    );
  }

  /** A loaded model, or the error a caller should see: unknown name, not loaded, none at all. */
  get(name = this.defaultModel): ReadyModel {
    if (name === undefined) {
      throw new PlatformError(ErrorCode.ModelNotLoaded, NO_MODEL_HINT, { models: [] });
    }
    const entry = this.entries.get(name);
    if (!entry) {
      throw new PlatformError(
        ErrorCode.NotFound,
        `Unknown model ${name}; configured: ${[...this.entries.keys()].join(', ')}`,
        { model: name, models: [...this.entries.keys()] },
      );
    }
    if (!entry.ready) {
      throw new PlatformError(
        ErrorCode.ModelNotLoaded,
        entry.state === 'loading'
          ? `Model ${name} is still loading`
          : `Model ${name} failed to load: ${entry.error}`,
        { model: name, state: entry.state },
      );
    }
    return entry.ready;
  }

  describe(): InferenceModelInfo[] {
    return [...this.entries.values()].map(({ spec, state, error, ready }) => ({
      name: spec.name,
      source: spec.model,
      context_size: ready?.context.contextSize ?? 0,
      parallel: spec.parallel,
      state,
      ...(error === undefined ? {} : { error }),
      default: spec.name === this.defaultModel,
    }));
  }

  private async load(entry: RegistryEntry): Promise<void> {
    const { spec } = entry;
    const started = Date.now();
    try {
      const modelPath = await resolveModelPath(spec.model, this.config.modelsDir);
      const llama = await this.runtime.get(spec.gpu);
      const model = await llama.loadModel({
        modelPath,
        ...(spec.gpuLayers === undefined ? {} : { gpuLayers: spec.gpuLayers }),
      });
      const context = await model.createContext({
        sequences: spec.parallel,
        threads: spec.threads,
        ...(spec.contextSize === undefined ? {} : { contextSize: spec.contextSize }),
      });
      entry.ready = {
        name: spec.name,
        llama,
        model,
        context,
        pool: new SequencePool(spec.name, spec.parallel, this.config.INFERENCE_QUEUE_MAX),
        sequences: new WarmSequences(() => context.getSequence(), spec.parallel),
      };
      entry.state = 'ready';
      this.logger.info(
        {
          model: spec.name,
          file: modelPath,
          contextSize: context.contextSize,
          parallel: spec.parallel,
          threads: spec.threads,
          gpu: llama.gpu,
          gpuLayers: model.gpuLayers,
          ms: Date.now() - started,
        },
        'generation model ready',
      );
    } catch (error) {
      entry.state = 'failed';
      entry.error = error instanceof Error ? error.message : String(error);
      this.logger.error(
        { model: spec.name, error: entry.error },
        'generation model failed to load',
      );
    }
  }
}
