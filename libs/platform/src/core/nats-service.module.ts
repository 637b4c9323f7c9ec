import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import type { HealthSubject } from '@aip/contracts';
import { HealthModule } from '../health/health.module';
import type { ReadinessIndicator } from '../health/readiness-indicator';
import { MessagingModule } from '../messaging/messaging.module';
import { NatsIndicator } from '../messaging/nats.indicator';
import { RedisIndicator } from '../redis/redis.indicator';
import { RedisModule } from '../redis/redis.module';

export interface NatsServiceOptions {
  service: string;
  healthSubject: HealthSubject;
  /** The service keeps a Redis connection and is not ready without it. */
  usesRedis: boolean;
  /** Further dependencies the service needs before it is ready (Qdrant, the model). */
  indicators?: Type<ReadinessIndicator>[];
  /** Modules whose providers those indicators inject. */
  imports?: ModuleMetadata['imports'];
}

/**
 * What every service behind NATS shares: its NATS client, Redis when it uses it, and health
 * over HTTP and over its `<service>.health.v1` subject, checking each of its dependencies.
 */
@Module({})
export class NatsServiceModule {
  static forRoot(options: NatsServiceOptions): DynamicModule {
    const base = options.usesRedis ? [NatsIndicator, RedisIndicator] : [NatsIndicator];
    return {
      module: NatsServiceModule,
      imports: [
        MessagingModule.forRoot(options.service),
        ...(options.usesRedis ? [RedisModule] : []),
        HealthModule.forRoot({
          indicators: [...base, ...(options.indicators ?? [])],
          natsSubject: options.healthSubject,
          imports: options.imports,
        }),
      ],
    };
  }
}
