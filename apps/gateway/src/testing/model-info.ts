import type { InferenceModelInfo } from '@aip/contracts';

/** A ready generation model as the inference service lists it, on a GGUF named after it. */
export function generationModelInfo(
  name: string,
  more: Partial<InferenceModelInfo> = {},
): InferenceModelInfo {
  return {
    name,
    source: `/models/${name}.gguf`,
    context_size: 512,
    parallel: 1,
    state: 'ready',
    default: false,
    ...more,
  };
}
