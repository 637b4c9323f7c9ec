import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { IsOptional, IsString, ValidateBy } from 'class-validator';
import { BaseConfig, EnvInt, EnvOneOf, EnvPort } from '@aip/platform';
import {
  GPU_MODES,
  parseModelSpecs,
  pickDefaultModel,
  type GpuMode,
  type ModelSpec,
} from './model-config';

export { GPU_MODES, type GpuMode };

/** Checks the model registry at boot, so a mistake stops the service naming model and field. */
const ValidModels = (): PropertyDecorator =>
  ValidateBy({
    name: 'validModels',
    validator: {
      validate: (_value: unknown, args) => {
        try {
          (args?.object as InferenceConfig).defaultModel();
          return true;
        } catch {
          return false;
        }
      },
      defaultMessage: (args) => {
        try {
          (args?.object as InferenceConfig).defaultModel();
          return 'invalid model configuration';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        }
      },
    },
  });

export class InferenceConfig extends BaseConfig {
  /** Port of this service's health and metrics endpoints. */
  @EnvPort()
  INFERENCE_PORT = 8001;

  /**
   * llama.cpp threads for models that do not set their own. Set explicitly: llama.cpp's own
   * default oversubscribes small machines and makes decoding orders of magnitude slower.
   */
  @EnvInt(1, 512)
  INFERENCE_THREADS = availableParallelism();

  /** llama.cpp backend for models that do not set their own: `false` for CPU. */
  @EnvOneOf(GPU_MODES)
  INFERENCE_GPU: GpuMode = 'false';

  /**
   * The models, as JSON: `{"<name>": {"model": "<file or hf:user/repo:file>", "contextSize"?,
   * "parallel"?, "threads"?, "gpu"?, "gpuLayers"?}}`. Checked together with INFERENCE_MODEL
   * and INFERENCE_DEFAULT_MODEL, even when unset.
   */
  @ValidModels()
  INFERENCE_MODELS: string | undefined = undefined;

  /** One model (a GGUF path or hf: URI), named `default`: the shorthand for `npm start`. */
  @IsOptional()
  @IsString()
  INFERENCE_MODEL: string | undefined = undefined;

  /** The model a request that names none uses; the first configured one when unset. */
  @IsOptional()
  @IsString()
  INFERENCE_DEFAULT_MODEL: string | undefined = undefined;

  /** Where relative model paths and hf: URIs resolve; `<DATA_DIR>/models` when unset. */
  @IsOptional()
  @IsString()
  INFERENCE_MODELS_DIR: string | undefined = undefined;

  /** Sequences per model (requests decoded together) for models that do not set `parallel`. */
  @EnvInt(1, 256)
  INFERENCE_PARALLEL = 4;

  /** Requests that may wait for a free sequence per model; beyond that: 429. */
  @EnvInt(0, 100_000)
  INFERENCE_QUEUE_MAX = 64;

  /** Longest one generation may take, queueing included; then it is stopped (504). */
  @EnvInt(100, 3_600_000)
  INFERENCE_REQUEST_TIMEOUT_MS = 120_000;

  get modelsDir(): string {
    return this.INFERENCE_MODELS_DIR ?? join(this.DATA_DIR, 'models');
  }

  /** The configured models (none is valid: the service starts and says how to add one). */
  models(): ModelSpec[] {
    return parseModelSpecs(this.INFERENCE_MODELS, this.INFERENCE_MODEL, {
      modelsDir: this.modelsDir,
      parallel: this.INFERENCE_PARALLEL,
      threads: this.INFERENCE_THREADS,
      gpu: this.INFERENCE_GPU,
    });
  }

  defaultModel(): string | undefined {
    return pickDefaultModel(this.models(), this.INFERENCE_DEFAULT_MODEL);
  }
}
