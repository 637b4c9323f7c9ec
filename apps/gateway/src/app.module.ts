import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ServiceName } from '@aip/contracts';
import { HealthModule, MessagingModule, NatsIndicator, RedisModule } from '@aip/platform';
import { AnalyticsModule } from './analytics/analytics.module';
import { AuthenticationGuard } from './auth/authentication.guard';
import { AuthModule } from './auth/auth.module';
import { CollectionScopeGuard } from './auth/collection-scope.guard';
import { PermissionGuard } from './auth/permission.guard';
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
import { OllamaModule } from './ollama/ollama.module';
import { OpenAiModule } from './openai/openai.module';
import { RateLimitGuard } from './traffic/rate-limit.guard';
import { RateLimiterIndicator } from './traffic/rate-limiter.indicator';
import { TrafficModule } from './traffic/traffic.module';
import { AuditTrailGuard } from './usage/audit-trail.guard';
import { UsageModule } from './usage/usage.module';

@Module({
  imports: [
    MessagingModule.forRoot(ServiceName.Gateway),
    RedisModule,
    ClientsModule,
    UsageModule,
    AuthModule,
    TrafficModule,
    HealthModule.forRoot({ indicators: [NatsIndicator, RateLimiterIndicator] }),
    PlatformHealthModule,
    EmbeddingsModule,
    VectorsModule,
    SimilarityModule,
    AnalyticsModule,
    GenerationModule,
    OpenAiModule,
    OllamaModule,
    IngestModule,
    RagModule,
    SourcesModule,
  ],
  providers: [
    // Global guards run in the order listed, and each relies on the ones before it: who calls
    // (401, or 403 for a route that declares no access), accounting from then on, what the
    // caller may do (403), which collections (403), and only then the request limits (429).
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: AuditTrailGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
    { provide: APP_GUARD, useClass: CollectionScopeGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_INTERCEPTOR, useClass: RequestTimeoutInterceptor },
  ],
})
export class AppModule {}
