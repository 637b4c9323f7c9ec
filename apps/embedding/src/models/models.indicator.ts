import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { ReadinessIndicator } from '@aip/platform';
import { ModelRegistry } from './model-registry.service';

/** Ready once every configured model has loaded; down naming those still loading or failed. */
@Injectable()
export class ModelsIndicator implements ReadinessIndicator {
  readonly key = 'models';

  constructor(
    private readonly registry: ModelRegistry,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.indicators.check(this.key);
    const models = Object.fromEntries(
      this.registry.all().map((m) => [m.config.name, m.error ? `${m.state}: ${m.error}` : m.state]),
    );
    return this.registry.all().every((m) => m.state === 'ready')
      ? session.up({ models })
      : session.down({ models });
  }
}
