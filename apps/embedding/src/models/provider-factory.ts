import { join } from 'node:path';
import type { EmbeddingProvider } from '../providers/embedding-provider';
import { GloveSifProvider } from '../providers/glove-sif/glove-sif.provider';
import { parseLlamaCppOptions } from '../providers/llama-cpp/llama-cpp.options';
import { LlamaCppProvider } from '../providers/llama-cpp/llama-cpp.provider';
import { parseOpenAiCompatibleOptions } from '../providers/openai-compatible/openai-compatible.options';
import { OpenAiCompatibleProvider } from '../providers/openai-compatible/openai-compatible.provider';
import { ProviderOptions } from '../providers/provider-options';
import type { ModelConfig } from './model-config';

export interface ProviderSettings {
  dataDir: string;
  /** Converted word vectors; default `<dataDir>/embeddings`. */
  cacheDir?: string;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}

/**
 * The provider of one configured model, its options validated: a mistake throws at boot,
 * naming the model and the field.
 */
export function createProvider(model: ModelConfig, settings: ProviderSettings): EmbeddingProvider {
  switch (model.provider) {
    case 'glove-sif': {
      const options = new ProviderOptions(model.name, model.options, ['weighting']);
      return new GloveSifProvider({
        cacheDir: settings.cacheDir ?? join(settings.dataDir, 'embeddings'),
        model: model.name,
        weighting: options.oneOf('weighting', ['usif', 'sif'] as const),
      });
    }
    case 'llama-cpp':
      return new LlamaCppProvider(
        parseLlamaCppOptions(model.name, model.options, settings.dataDir),
      );
    case 'openai-compatible':
      return new OpenAiCompatibleProvider(
        parseOpenAiCompatibleOptions(model.name, model.options, settings.env),
        settings.log,
      );
  }
}
