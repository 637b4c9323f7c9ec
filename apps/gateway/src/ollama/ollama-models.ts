import { createHash } from 'node:crypto';
import type { EmbeddingModelInfo, InferenceModelInfo } from '@aip/contracts';
import { modelNotFound, ollamaNameOf, platformModelOf } from './ollama-model-names';
import type {
  OllamaModelDetailsDto,
  OllamaModelInfoDto,
  OllamaRunningModelDto,
  OllamaTagDto,
} from './ollama-models.responses';

/** A platform model by name: a generation model, an embedding model, or both of one name. */
export interface CatalogModel {
  name: string;
  generation?: InferenceModelInfo;
  embedding?: EmbeddingModelInfo;
}

/** The services record no file dates; Ollama's clients need one, so the epoch stands for it. */
const UNKNOWN_DATE = new Date(0).toISOString();
/** Models stay loaded for as long as their service runs (`keep_alive` is ignored). */
const NEVER_EXPIRES = '9999-12-31T23:59:59.000Z';

/** Generation models, then the embedding models; one entry for a name both services use. */
export function mergeCatalog(
  generation: InferenceModelInfo[],
  embedding: EmbeddingModelInfo[],
): CatalogModel[] {
  const byName = new Map<string, CatalogModel>();
  for (const model of generation) byName.set(model.name, { name: model.name, generation: model });
  for (const model of embedding) {
    const known = byName.get(model.name);
    byName.set(model.name, { ...(known ?? { name: model.name }), embedding: model });
  }
  return [...byName.values()];
}

/** The model an Ollama name means; `default` is the default model when none has that name. */
export function findModel(models: CatalogModel[], requested: string): CatalogModel {
  const name = platformModelOf(requested);
  const found =
    models.find((m) => m.name === name) ??
    (name === 'default'
      ? (models.find((m) => m.generation?.default) ?? models.find((m) => m.embedding?.default))
      : undefined);
  if (!found) throw modelNotFound(requested);
  return found;
}

/** Where the model comes from: a GGUF file or `hf:` URI, or an embedding provider's model. */
function sourceOf(model: CatalogModel): string {
  if (model.generation) return model.generation.source;
  return `${model.embedding!.provider}:${model.embedding!.model}`;
}

function detailsOf(model: CatalogModel): OllamaModelDetailsDto {
  const provider = model.embedding?.provider;
  return {
    parent_model: '',
    format: model.generation || provider === 'llama-cpp' ? 'gguf' : model.embedding!.provider,
    family: '',
    families: [],
    parameter_size: '',
    quantization_level: '',
  };
}

/**
 * One entry of `/api/tags`. The gateway never sees the model's file: `size` is 0 and `digest` is
 * the SHA-256 of where the model comes from, which changes when its configuration does.
 */
export function tagOf(model: CatalogModel): OllamaTagDto {
  const name = ollamaNameOf(model.name);
  return {
    name,
    model: name,
    modified_at: UNKNOWN_DATE,
    size: 0,
    digest: createHash('sha256').update(sourceOf(model)).digest('hex'),
    details: detailsOf(model),
  };
}

function isLoaded(model: CatalogModel): boolean {
  return model.generation?.state === 'ready' || model.embedding?.ready === true;
}

/** `/api/ps`: the models loaded now, which stay loaded. */
export function runningOf(models: CatalogModel[]): OllamaRunningModelDto[] {
  return models.filter(isLoaded).map((model) => ({
    ...tagOf(model),
    expires_at: NEVER_EXPIRES,
    size_vram: 0,
    ...(model.generation ? { context_length: model.generation.context_size } : {}),
  }));
}

/** `/api/show`: what the platform knows of a model, in Ollama's fields. */
export function showOf(model: CatalogModel): OllamaModelInfoDto {
  const contextSize = model.generation?.context_size;
  const parameters = contextSize ? `num_ctx ${contextSize}` : '';
  const modelfile = [
    '# Configured on the platform (INFERENCE_MODELS, EMBEDDING_MODELS); it cannot be pulled',
    `FROM ${sourceOf(model)}`,
    ...(parameters ? [`PARAMETER ${parameters}`] : []),
  ].join('\n');
  return {
    license: '',
    modelfile,
    parameters,
    template: '',
    details: detailsOf(model),
    model_info: {
      ...(contextSize ? { 'general.context_length': contextSize } : {}),
      ...(model.embedding ? { 'general.embedding_length': model.embedding.dimension } : {}),
    },
    capabilities: [
      ...(model.generation ? (['completion'] as const) : []),
      ...(model.embedding ? (['embedding'] as const) : []),
    ],
    modified_at: UNKNOWN_DATE,
  };
}
