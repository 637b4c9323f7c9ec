import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { LOGGER, type Logger } from '@aip/platform';
import { InferenceConfig } from '../config/inference.config';

type LlamaModule = typeof import('node-llama-cpp');
type Llama = Awaited<ReturnType<LlamaModule['getLlama']>>;

export type RuntimeState =
  { state: 'loading' } | { state: 'ready'; llama: Llama } | { state: 'failed'; reason: string };

/**
 * The llama.cpp runtime (native binding) this service generates with. Loaded once at start
 * from node-llama-cpp's prebuilt binaries, never built or downloaded at run time.
 */
@Injectable()
export class LlamaRuntimeService implements OnApplicationBootstrap, OnApplicationShutdown {
  private current: RuntimeState = { state: 'loading' };

  constructor(
    private readonly config: InferenceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get status(): RuntimeState {
    return this.current;
  }

  onApplicationBootstrap(): void {
    void this.load();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.current.state === 'ready') await this.current.llama.dispose();
  }

  private async load(): Promise<void> {
    try {
      // node-llama-cpp is ESM with top-level await: it must be imported, not required.
      const { getLlama, LlamaLogLevel } = (await import('node-llama-cpp')) as LlamaModule;
      const gpu = this.config.INFERENCE_GPU === 'false' ? false : this.config.INFERENCE_GPU;
      const llama = await getLlama({
        gpu,
        build: 'never',
        maxThreads: this.config.INFERENCE_THREADS,
        logLevel: LlamaLogLevel.warn,
      });
      this.current = { state: 'ready', llama };
      this.logger.info(
        { gpu: llama.gpu, threads: this.config.INFERENCE_THREADS },
        'llama.cpp runtime loaded',
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.current = { state: 'failed', reason };
      this.logger.error({ reason }, 'llama.cpp runtime failed to load');
    }
  }
}
