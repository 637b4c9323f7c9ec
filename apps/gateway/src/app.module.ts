import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ServiceName } from '@aip/contracts';
import { HealthModule, MessagingModule, NatsIndicator, RedisModule } from '@aip/platform';
import { VectorAnalyticsModule } from './analytics/vector-analytics.module';
import { AuthModule } from './auth/auth.module';
import { ClientsModule } from './clients/clients.module';
import { EmbeddingsModule } from './embeddings/embeddings.module';
import { IngestModule } from './ingest/ingest.module';
import { GenerationModule } from './generation/generation.module';
import { VectorsModule } from './vectors/vectors.module';
import { SimilarityModule } from './similarity/similarity.module';
import { SourcesModule } from './sources/sources.module';
import { PlatformHealthModule } from './health/platform-health.module';
import { RagModule } from './rag/rag.module';
import { RequestTimeoutInterceptor } from './http/request-timeout.interceptor';
import { OpenAiModule } from './openai/openai.module';
import { RateLimiterIndicator } from './traffic/rate-limiter.indicator';
import { UsageModule } from './usage/usage.module';

@Module({
  imports: [
    MessagingModule.forRoot(ServiceName.Gateway),
    RedisModule,
    ClientsModule,
    UsageModule,
    AuthModule,
    HealthModule.forRoot({ indicators: [NatsIndicator, RateLimiterIndicator] }),
    PlatformHealthModule,
    EmbeddingsModule,
    VectorsModule,
    SimilarityModule,
    VectorAnalyticsModule,
    GenerationModule,
    OpenAiModule,
    IngestModule,
    RagModule,
    SourcesModule,
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: RequestTimeoutInterceptor }],
})
export class AppModule {}
