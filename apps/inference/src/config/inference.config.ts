import { availableParallelism } from 'node:os';
import { BaseConfig, EnvInt, EnvOneOf, EnvPort } from '@aip/platform';

export const GPU_MODES = ['auto', 'cuda', 'vulkan', 'false'] as const;
export type GpuMode = (typeof GPU_MODES)[number];

export class InferenceConfig extends BaseConfig {
  /** Port of this service's health and metrics endpoints. */
  @EnvPort()
  INFERENCE_PORT = 8001;

  /**
   * llama.cpp threads. Set explicitly: llama.cpp's own default oversubscribes small machines
   * and makes decoding orders of magnitude slower.
   */
  @EnvInt(1, 512)
  INFERENCE_THREADS = availableParallelism();

  /** llama.cpp backend: `false` for CPU, `auto` to use a GPU when the node has one. */
  @EnvOneOf(GPU_MODES)
  INFERENCE_GPU: GpuMode = 'false';
}
