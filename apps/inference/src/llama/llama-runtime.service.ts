import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LOGGER, type Logger } from '@aip/platform';
import { InferenceConfig, type GpuMode } from '../config/inference.config';
import { importLlamaCpp, type Llama } from './llama-types';

export type RuntimeState =
  { state: 'loading' } | { state: 'ready'; llama: Llama } | { state: 'failed'; reason: string };

/**
 * The llama.cpp runtimes (native bindings) this service generates with, one per GPU mode in
 * use, loaded from node-llama-cpp's prebuilt binaries (CPU, CUDA, Vulkan), never built or
 * downloaded at run time. The service-wide mode (INFERENCE_GPU) loads at start.
 */
@Injectable()
export class LlamaRuntimeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private current: RuntimeState = { state: 'loading' };
  private readonly runtimes = new Map<GpuMode, Promise<Llama>>();

  constructor(
    private readonly config: InferenceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The service-wide runtime's state, for readiness. */
  get status(): RuntimeState {
    return this.current;
  }

  onApplicationBootstrap(): void {
    this.get(this.config.INFERENCE_GPU).then(
      (llama) => (this.current = { state: 'ready', llama }),
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.current = { state: 'failed', reason };
      },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const loaded = await Promise.allSettled(this.runtimes.values());
    for (const result of loaded) if (result.status === 'fulfilled') await result.value.dispose();
  }

  /** The runtime of one GPU mode, loaded once. */
  get(gpu: GpuMode): Promise<Llama> {
    let runtime = this.runtimes.get(gpu);
    if (!runtime) {
      runtime = this.load(gpu);
      this.runtimes.set(gpu, runtime);
    }
    return runtime;
  }

  private async load(gpu: GpuMode): Promise<Llama> {
    try {
      const { getLlama, LlamaLogLevel } = await importLlamaCpp();
      const llama = await getLlama({
        gpu: gpu === 'false' ? false : gpu,
        build: 'never',
        // Shared by the models on this runtime; each context sets its own count explicitly.
        maxThreads: Math.max(
          this.config.INFERENCE_THREADS,
          ...this.config.models().map((model) => model.threads),
        ),
        logLevel: LlamaLogLevel.warn,
      });
      this.logger.info({ gpu: llama.gpu, requested: gpu }, 'llama.cpp runtime loaded');
      return llama;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error({ gpu, reason }, 'llama.cpp runtime failed to load');
      throw error;
    }
  }
}
