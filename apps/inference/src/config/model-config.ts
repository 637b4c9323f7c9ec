import { isAbsolute, join, resolve } from 'node:path';

export const GPU_MODES = ['auto', 'cuda', 'vulkan', 'false'] as const;
export type GpuMode = (typeof GPU_MODES)[number];

/** Most llama.cpp threads a model may ask for. */
const MAX_THREADS = 512;
/** Longest context (tokens) a model may ask for. */
const MAX_CONTEXT_TOKENS = 1_048_576;
/** Most sequences (requests decoded together) one model's context may hold. */
const MAX_PARALLEL = 256;
/** Most layers one model may offload to a GPU (more than any model has). */
const MAX_GPU_LAYERS = 1024;
/** The name a model set with INFERENCE_MODEL gets. */
export const SHORTHAND_MODEL_NAME = 'default';
const MODEL_NAME = /^[\w.:-]{1,100}$/;
const FIELDS = ['model', 'contextSize', 'parallel', 'threads', 'gpu', 'gpuLayers'];

export interface ModelSpec {
  name: string;
  /** An absolute GGUF path or an `hf:user/repo:file` URI resolved in the models folder. */
  model: string;
  /** Tokens of the context; node-llama-cpp fits it to memory (up to the model's) when absent. */
  contextSize?: number;
  /** Sequences decoded together in one batch: the concurrent requests this model serves. */
  parallel: number;
  threads: number;
  gpu: GpuMode;
  /** Layers offloaded to the GPU; node-llama-cpp decides ('auto') when absent. */
  gpuLayers?: number;
}

/** What applies to a model that does not set it (from INFERENCE_* variables). */
export interface ModelDefaults {
  modelsDir: string;
  parallel: number;
  threads: number;
  gpu: GpuMode;
}

/**
 * The models to serve, from `INFERENCE_MODELS` (JSON, `{"<name>": {model, ...}}`) or the
 * `INFERENCE_MODEL` shorthand (one model named `default`); none when neither is set. A mistake
 * throws a message naming the model and the field.
 */
export function parseModelSpecs(
  modelsJson: string | undefined,
  shorthand: string | undefined,
  defaults: ModelDefaults,
): ModelSpec[] {
  const entries: [string, unknown][] = [];
  if (modelsJson !== undefined) entries.push(...Object.entries(parseJsonObject(modelsJson)));
  if (shorthand !== undefined) {
    if (entries.some(([name]) => name === SHORTHAND_MODEL_NAME)) {
      throw new Error(
        `INFERENCE_MODEL and INFERENCE_MODELS.${SHORTHAND_MODEL_NAME} both set the model "${SHORTHAND_MODEL_NAME}": keep one`,
      );
    }
    // A relative path on the command line means the current folder, as a shell user expects.
    const local = !shorthand.startsWith('hf:') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(shorthand);
    entries.unshift([SHORTHAND_MODEL_NAME, { model: local ? resolve(shorthand) : shorthand }]);
  }
  return entries.map(([name, value]) => parseSpec(name, value, defaults));
}

/** The default model: the one named, else the first; undefined when none is configured. */
export function pickDefaultModel(
  specs: ModelSpec[],
  named: string | undefined,
): string | undefined {
  if (named === undefined) return specs[0]?.name;
  if (!specs.some((spec) => spec.name === named)) {
    throw new Error(
      `INFERENCE_DEFAULT_MODEL ${named} is not among the configured models (${specs.map((s) => s.name).join(', ') || 'none'})`,
    );
  }
  return named;
}

function parseJsonObject(json: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`INFERENCE_MODELS is not valid JSON: ${String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(
      'INFERENCE_MODELS must be a JSON object: {"<name>": {"model": "<file or hf: URI>"}}',
    );
  }
  return parsed as Record<string, unknown>;
}

function parseSpec(name: string, value: unknown, defaults: ModelDefaults): ModelSpec {
  const where = `INFERENCE_MODELS.${name}`;
  if (!MODEL_NAME.test(name)) {
    throw new Error(
      `INFERENCE_MODELS: model name ${JSON.stringify(name)} must be 1-100 letters, digits, . _ : -`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${where} must be an object: {"model": "<file or hf: URI>", ...}`);
  }
  const raw = value as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0) {
    throw new Error(
      `${where} has unknown option(s) ${unknown.join(', ')}; known: ${FIELDS.join(', ')}`,
    );
  }
  const int = (field: string, min: number, max: number): number | undefined => {
    const v = raw[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new Error(`${where}.${field} must be an integer from ${min} to ${max}`);
    }
    return v;
  };
  const gpu = raw['gpu'] === false ? 'false' : raw['gpu'];
  if (gpu !== undefined && !GPU_MODES.includes(gpu as GpuMode)) {
    throw new Error(`${where}.gpu must be one of: auto, cuda, vulkan, false`);
  }
  return {
    name,
    model: resolveModelLocation(where, raw['model'], defaults.modelsDir),
    contextSize: int('contextSize', 16, MAX_CONTEXT_TOKENS),
    parallel: int('parallel', 1, MAX_PARALLEL) ?? defaults.parallel,
    threads: int('threads', 1, MAX_THREADS) ?? defaults.threads,
    gpu: (gpu as GpuMode | undefined) ?? defaults.gpu,
    gpuLayers: int('gpuLayers', 0, MAX_GPU_LAYERS),
  };
}

function resolveModelLocation(where: string, model: unknown, modelsDir: string): string {
  if (typeof model !== 'string' || model.trim() === '') {
    throw new Error(`${where}.model must be given: a GGUF file path or an hf:user/repo:file URI`);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(model)) {
    // node-llama-cpp's downloader retries a URL for many minutes: only files and hf: URIs here.
    throw new Error(
      `${where}.model must be a GGUF file path or an hf:user/repo:file URI, not a URL`,
    );
  }
  return model.startsWith('hf:') || isAbsolute(model) ? model : join(modelsDir, model);
}
