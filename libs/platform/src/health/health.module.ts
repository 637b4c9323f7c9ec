import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { HealthSubject } from '@aip/contracts';
import { HealthController } from './health.controller';
import { createHealthHandler } from './health.handler';
import type { ReadinessIndicator } from './readiness-indicator';
import { READINESS_INDICATORS, ReadinessService } from './readiness.service';

export interface HealthModuleOptions {
  /** The dependencies this app needs before it is ready. */
  indicators: Type<ReadinessIndicator>[];
  /** Set for apps that serve NATS: their health subject. */
  natsSubject?: HealthSubject;
  /** Modules whose providers the indicators inject. */
  imports?: ModuleMetadata['imports'];
}

/** `/health/live`, `/health/ready` and, for NATS services, the health subject. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule, ...(options.imports ?? [])],
      controllers: [
        HealthController,
        ...(options.natsSubject ? [createHealthHandler(options.natsSubject)] : []),
      ],
      providers: [
        ...options.indicators,
        {
          provide: READINESS_INDICATORS,
          inject: options.indicators,
          useFactory: (...indicators: ReadinessIndicator[]) => indicators,
        },
        ReadinessService,
      ],
      exports: [ReadinessService],
    };
  }
}
