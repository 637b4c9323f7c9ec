import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ReadinessIndicator } from '@aip/platform';
import { InferenceConfig } from '../config/inference.config';
import { LlamaRuntimeService } from './llama-runtime.service';

/** Ready once the llama.cpp binding has loaded; down with the reason if it cannot. */
@Injectable()
export class LlamaRuntimeIndicator implements ReadinessIndicator {
  readonly key = 'llama';

  constructor(
    private readonly runtime: LlamaRuntimeService,
    private readonly config: InferenceConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.indicators.check(this.key);
    const status = this.runtime.status;
    switch (status.state) {
      case 'ready':
        return session.up({ gpu: status.llama.gpu, threads: this.config.INFERENCE_THREADS });
      case 'loading':
        return session.down({ message: 'llama.cpp runtime is loading' });
      case 'failed':
        return session.down({ message: status.reason });
    }
  }
}
