import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ReadinessIndicator } from '@aip/platform';
import { ModelRegistry } from './model-registry.service';

/**
 * Ready once every configured model has loaded; down naming those still loading or failed.
 * With no model configured the service is ready: generation then explains how to add one.
 */
@Injectable()
export class ModelsIndicator implements ReadinessIndicator {
  readonly key = 'models';

  constructor(
    private readonly registry: ModelRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.indicators.check(this.key);
    const models = this.registry.states();
    return this.registry.allReady ? session.up({ models }) : session.down({ models });
  }
}
