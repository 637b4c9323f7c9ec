import { access, constants, mkdir } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BaseConfig } from '../config/base.config';
import { INDICATOR_TIMEOUT_MS, type ReadinessIndicator } from './readiness-indicator';

/** For apps that keep state on disk: DATA_DIR exists and is writable. */
@Injectable()
export class DataDirIndicator implements ReadinessIndicator {
  readonly key = 'data_dir';

  constructor(
    private readonly config: BaseConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return this.indicators
      .check(this.key)
      .attempt(async () => {
        await mkdir(this.config.DATA_DIR, { recursive: true });
        await access(this.config.DATA_DIR, constants.W_OK);
        return { path: this.config.DATA_DIR };
      })
      .withTimeout(INDICATOR_TIMEOUT_MS);
  }
}
