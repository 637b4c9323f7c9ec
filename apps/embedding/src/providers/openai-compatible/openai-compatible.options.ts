import { ProviderOptions } from '../provider-options';

/** Most texts one request may carry (OpenAI's own limit is 2048). */
const MAX_BATCH = 2048;
/** Longest request timeout a model may set. */
const MAX_TIMEOUT_MS = 10 * 60_000;
const MAX_RETRIES = 10;
const MAX_DIMENSION = 65_536;

export interface OpenAiCompatibleOptions {
  /** The API root, e.g. `http://ollama:11434/v1`; requests go to `<baseUrl>/embeddings`. */
  baseUrl: string;
  /** The server's model name, sent as `model`. */
  model: string;
  /** Bearer key, given directly or read from the environment variable `apiKeyEnv`. */
  apiKey?: string;
  /** Texts per request; larger batches are split (default 64). */
  maxBatch: number;
  /** Per request, including reading the answer (default 30 s). */
  timeoutMs: number;
  /** Retries of a request after a 429, a 5xx, a timeout or a network error (default 3). */
  retries: number;
  /** The vectors' dimension; discovered at init by embedding a probe text when absent. */
  dimension?: number;
}

const FIELDS = [
  'baseUrl',
  'model',
  'apiKey',
  'apiKeyEnv',
  'maxBatch',
  'timeoutMs',
  'retries',
  'dimension',
];

/** Validates an openai-compatible model's options from EMBEDDING_MODELS, defaults applied. */
export function parseOpenAiCompatibleOptions(
  name: string,
  raw: Record<string, unknown>,
  env: NodeJS.ProcessEnv = process.env,
): OpenAiCompatibleOptions {
  const options = new ProviderOptions(name, raw, FIELDS);
  const apiKeyEnv = options.string('apiKeyEnv');
  if (apiKeyEnv !== undefined && raw['apiKey'] !== undefined) {
    throw new Error(`EMBEDDING_MODELS.${name}: give apiKey or apiKeyEnv, not both`);
  }
  let apiKey = options.string('apiKey');
  if (apiKeyEnv !== undefined) {
    apiKey = env[apiKeyEnv];
    if (!apiKey) {
      throw new Error(`EMBEDDING_MODELS.${name}.apiKeyEnv names ${apiKeyEnv}, which is not set`);
    }
  }
  return {
    baseUrl: options.url('baseUrl'),
    model: options.requiredString('model'),
    apiKey,
    maxBatch: options.int('maxBatch', 1, MAX_BATCH) ?? 64,
    timeoutMs: options.int('timeoutMs', 100, MAX_TIMEOUT_MS) ?? 30_000,
    retries: options.int('retries', 0, MAX_RETRIES) ?? 3,
    dimension: options.int('dimension', 1, MAX_DIMENSION),
  };
}
