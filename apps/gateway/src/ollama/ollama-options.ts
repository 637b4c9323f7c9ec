import {
  ErrorCode,
  MAX_GENERATION_TOKENS,
  MAX_SEED,
  MAX_STOP_CHARS,
  MAX_STOP_STRINGS,
  MAX_TEMPERATURE,
  MAX_TOP_K,
  PlatformError,
  type GenerationSettings,
} from '@aip/contracts';

/**
 * Ollama's own sampling defaults (its `DefaultOptions`), so a client that sets nothing samples
 * as it would against Ollama; the platform's own default is greedy.
 */
export const OLLAMA_DEFAULTS = { temperature: 0.8, top_k: 40, top_p: 0.9 } as const;

/** `format` as Ollama takes it: `"json"` for any JSON, or a JSON schema. */
export type OllamaFormat = string | Record<string, unknown>;

function invalid(option: string, rule: string): PlatformError {
  return new PlatformError(ErrorCode.ValidationFailed, `options.${option} must be ${rule}`, {
    field: `options.${option}`,
  });
}

function numberIn(
  options: Record<string, unknown>,
  option: string,
  min: number,
  max: number,
  whole = false,
): number | undefined {
  const value = options[option];
  if (value === undefined || value === null) return undefined;
  const kind = whole ? 'a whole number' : 'a number';
  if (typeof value !== 'number' || !Number.isFinite(value) || (whole && !Number.isInteger(value)))
    throw invalid(option, `${kind} from ${min} to ${max}`);
  if (value < min || value > max) throw invalid(option, `${kind} from ${min} to ${max}`);
  return value;
}

/** `num_predict`: -1 (until done) and -2 (fill the context) leave the platform's default length. */
function maxTokensOf(options: Record<string, unknown>): number | undefined {
  const value = numberIn(options, 'num_predict', -2, MAX_GENERATION_TOKENS, true);
  if (value === undefined || value < 0) return undefined;
  if (value === 0) throw invalid('num_predict', `-1, -2 or 1 to ${MAX_GENERATION_TOKENS}`);
  return value;
}

/** Ollama's seed -1 (its default) means a random one, as leaving it out does here. */
function seedOf(options: Record<string, unknown>): number | undefined {
  const value = options['seed'];
  if (typeof value === 'number' && Number.isInteger(value) && value < 0) return undefined;
  return numberIn(options, 'seed', 0, MAX_SEED, true);
}

function stopOf(options: Record<string, unknown>): string[] | undefined {
  const value = options['stop'];
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  const rule = `a list of at most ${MAX_STOP_STRINGS} strings of at most ${MAX_STOP_CHARS} characters`;
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || s.length > MAX_STOP_CHARS))
    throw invalid('stop', rule);
  // Ollama ignores empty stop strings; the platform refuses them.
  const stops = (list as string[]).filter((s) => s.length > 0);
  if (stops.length > MAX_STOP_STRINGS) throw invalid('stop', rule);
  return stops.length === 0 ? undefined : stops;
}

function jsonSchemaOf(format: OllamaFormat | undefined): Record<string, unknown> | undefined {
  if (format === undefined || format === '') return undefined;
  // An empty schema is the inference service's "any JSON object" grammar.
  if (format === 'json') return {};
  if (typeof format === 'object' && !Array.isArray(format)) return format;
  throw new PlatformError(
    ErrorCode.ValidationFailed,
    'format must be "json" or a JSON schema object',
    { field: 'format' },
  );
}

/**
 * Ollama's `options` and `format` as the platform's generation settings. Only the options that
 * mean something here are read, each checked against the platform's limits. Every other one
 * (`num_ctx` included: a model's context is sized once, when it loads, and shared by its
 * sequences; penalties, mirostat, `min_p`, hardware settings) is accepted and ignored, as Ollama
 * itself ignores options a model has no use for.
 */
export function generationSettingsOf(
  model: string | undefined,
  given?: Record<string, unknown> | null,
  format?: OllamaFormat,
): GenerationSettings {
  // `"options": null` is sent by clients that serialise an unset field: no options, as Ollama reads it.
  const options = given ?? {};
  return {
    model,
    max_tokens: maxTokensOf(options),
    temperature:
      numberIn(options, 'temperature', 0, MAX_TEMPERATURE) ?? OLLAMA_DEFAULTS.temperature,
    top_p: numberIn(options, 'top_p', 0, 1) ?? OLLAMA_DEFAULTS.top_p,
    top_k: numberIn(options, 'top_k', 0, MAX_TOP_K, true) ?? OLLAMA_DEFAULTS.top_k,
    seed: seedOf(options),
    stop: stopOf(options),
    json_schema: jsonSchemaOf(format),
  };
}
