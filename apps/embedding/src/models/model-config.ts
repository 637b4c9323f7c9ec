import { ErrorCode, PlatformError } from '@aip/contracts';

export const PROVIDER_KINDS = ['glove-sif', 'llama-cpp', 'openai-compatible'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface ModelConfig {
  name: string;
  provider: ProviderKind;
  options: Record<string, unknown>;
}

/** The offline default: no download, no GPU, works on any machine. */
export const DEFAULT_MODELS = '{"default": {"provider": "glove-sif"}}';

/** Parses EMBEDDING_MODELS; a mistake stops the service at boot, naming the model and field. */
export function parseModels(json: string | undefined): ModelConfig[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? DEFAULT_MODELS);
  } catch (error) {
    throw new Error(`EMBEDDING_MODELS is not valid JSON: ${String(error)}`);
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Array.isArray(parsed) ||
    Object.keys(parsed).length === 0
  ) {
    throw new Error(
      'EMBEDDING_MODELS must be a JSON object of at least one model: {"<name>": {"provider": ...}}',
    );
  }
  return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => {
    if (!/^[\w.:-]{1,100}$/.test(name))
      throw new Error(
        `EMBEDDING_MODELS: model name ${JSON.stringify(name)} must be 1-100 letters, digits, . _ : -`,
      );
    const { provider, ...options } = (
      typeof value === 'object' && value !== null ? value : {}
    ) as Record<string, unknown>;
    if (!PROVIDER_KINDS.includes(provider as ProviderKind)) {
      throw new Error(
        `EMBEDDING_MODELS.${name}.provider must be one of: ${PROVIDER_KINDS.join(', ')}`,
      );
    }
    return { name, provider: provider as ProviderKind, options };
  });
}

export function unknownModel(name: string, known: string[]): PlatformError {
  return new PlatformError(
    ErrorCode.NotFound,
    `Unknown embedding model ${name}; configured: ${known.join(', ')}`,
    {
      model: name,
      models: known,
    },
  );
}
