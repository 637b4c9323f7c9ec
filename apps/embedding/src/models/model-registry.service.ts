import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EmbeddingModelInfo } from '@aip/contracts';
import { LOGGER, type Logger } from '@aip/platform';
import { EmbeddingConfig } from '../config/embedding.config';
import type { EmbeddingProvider } from '../providers/embedding-provider';
import { parseModels, unknownModel, type ModelConfig } from './model-config';
import { createProvider } from './provider-factory';

export interface LoadedModel {
  config: ModelConfig;
  provider: EmbeddingProvider;
  state: 'loading' | 'ready' | 'failed';
  error?: string;
}

/** The configured models, each behind the one provider interface, loaded at start. */
@Injectable()
export class ModelRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly models = new Map<string, LoadedModel>();
  readonly defaultModel: string;

  constructor(
    config: EmbeddingConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    for (const model of parseModels(config.EMBEDDING_MODELS)) {
      this.models.set(model.name, {
        config: model,
        provider: createProvider(model, {
          dataDir: config.DATA_DIR,
          cacheDir: config.EMBEDDING_CACHE_DIR,
          log: (message) => logger.warn({ model: model.name }, message),
        }),
        state: 'loading',
      });
    }
    const names = [...this.models.keys()];
    this.defaultModel = config.EMBEDDING_DEFAULT_MODEL ?? names[0];
    if (!this.models.has(this.defaultModel))
      throw new Error(
        `EMBEDDING_DEFAULT_MODEL ${this.defaultModel} is not among ${names.join(', ')}`,
      );
  }

  onApplicationBootstrap(): void {
    for (const [name, model] of this.models) {
      const started = Date.now();
      model.provider.init().then(
        () => {
          model.state = 'ready';
          this.logger.info(
            {
              model: name,
              provider: model.config.provider,
              dimension: model.provider.dimension,
              ms: Date.now() - started,
            },
            'embedding model ready',
          );
        },
        (error: unknown) => {
          model.state = 'failed';
          model.error = error instanceof Error ? error.message : String(error);
          this.logger.error({ model: name, error: model.error }, 'embedding model failed to load');
        },
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.models.values()].map((m) => m.provider.dispose?.()));
  }

  get(name = this.defaultModel): LoadedModel {
    const model = this.models.get(name);
    if (!model) throw unknownModel(name, [...this.models.keys()]);
    return model;
  }

  all(): LoadedModel[] {
    return [...this.models.values()];
  }

  describe(): EmbeddingModelInfo[] {
    return this.all().map((m) => ({
      name: m.config.name,
      provider: m.config.provider,
      model: m.provider.model,
      dimension: m.state === 'ready' ? m.provider.dimension : 0,
      ready: m.state === 'ready',
      default: m.config.name === this.defaultModel,
    }));
  }
}
