import { availableParallelism } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { ProviderOptions } from '../provider-options';

/** Most llama.cpp threads a model may ask for. */
const MAX_THREADS = 512;
/** Longest context (tokens) a model may ask for; texts are cut to it. */
const MAX_CONTEXT_TOKENS = 131_072;
/** Most embedding contexts (parallel sequences) one model may hold. */
const MAX_CONTEXTS = 64;
/** Tokens per text by default: whole paragraphs, at little memory. */
export const DEFAULT_CONTEXT_TOKENS = 512;

export interface LlamaCppOptions {
  /** A GGUF file (absolute, or relative to modelsDir) or an `hf:user/repo:file` URI. */
  model: string;
  /** Where relative paths and hf: URIs resolve; `<DATA_DIR>/models` unless given. */
  modelsDir: string;
  /** Whether an hf: URI missing from modelsDir may be downloaded (default false: offline). */
  download: boolean;
  /** llama.cpp threads, explicit: its own default oversubscribes small machines badly. */
  threads: number;
  /** Use a GPU when the machine has one (default false: CPU). */
  gpu: boolean;
  /** Tokens per text; longer texts are cut to it. */
  contextSize: number;
  /** Embedding contexts, so that texts of a batch are embedded in parallel (default 1). */
  contexts: number;
}

const FIELDS = ['model', 'modelsDir', 'download', 'threads', 'gpu', 'contextSize', 'contexts'];

/** Validates a llama-cpp model's options from EMBEDDING_MODELS, with the defaults applied. */
export function parseLlamaCppOptions(
  name: string,
  raw: Record<string, unknown>,
  dataDir: string,
): LlamaCppOptions {
  const options = new ProviderOptions(name, raw, FIELDS);
  const model = options.requiredString('model');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(model)) {
    // node-llama-cpp retries a URL download for many minutes: only files and hf: URIs here.
    throw new Error(
      `EMBEDDING_MODELS.${name}.model must be a GGUF file path or an hf:user/repo:file URI, not a URL`,
    );
  }
  const modelsDir = options.string('modelsDir') ?? join(dataDir, 'models');
  return {
    model: model.startsWith('hf:') || isAbsolute(model) ? model : join(modelsDir, model),
    modelsDir,
    download: options.boolean('download') ?? false,
    threads: options.int('threads', 1, MAX_THREADS) ?? availableParallelism(),
    gpu: options.boolean('gpu') ?? false,
    contextSize: options.int('contextSize', 8, MAX_CONTEXT_TOKENS) ?? DEFAULT_CONTEXT_TOKENS,
    contexts: options.int('contexts', 1, MAX_CONTEXTS) ?? 1,
  };
}
