import { createHash } from 'node:crypto';
import { ErrorCode, PlatformError, type InferenceModelInfo } from '@aip/contracts';
import type { OpenAiModelDto } from './openai-models.responses';

/** A model object of OpenAI's `/v1/models`, with the platform's context size and state. */
export function openAiModelOf(model: InferenceModelInfo): OpenAiModelDto {
  return {
    id: model.name,
    object: 'model',
    created: 0,
    owned_by: 'aip',
    context_size: model.context_size,
    state: model.state,
  };
}

/** The model a request names; `default` (or none) names the inference service's default, as in generation. */
export function findModel(
  models: InferenceModelInfo[],
  requested: string | undefined,
): InferenceModelInfo {
  const found =
    requested === undefined || requested === 'default'
      ? models.find((m) => m.default)
      : models.find((m) => m.name === requested);
  if (!found)
    throw new PlatformError(ErrorCode.NotFound, `Unknown model ${requested}`, {
      model: requested,
      models: models.map((m) => m.name),
    });
  return found;
}

/**
 * OpenAI's `system_fingerprint`: it changes when what serves a model changes (another file,
 * another context size, another number of sequences decoded together, which can change the
 * sums of a batch), so that a caller who sets `seed` can tell why an output changed.
 */
export function systemFingerprintOf(model: InferenceModelInfo): string {
  const served = [model.name, model.source, model.context_size, model.parallel].join('\n');
  return `fp_${createHash('sha256').update(served).digest('hex').slice(0, 12)}`;
}
