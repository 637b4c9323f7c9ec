import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';
import { EmbeddingClient } from './clients/embedding.client';
import { QdrantIndicator } from './qdrant/qdrant.indicator';
import { QdrantModule } from './qdrant/qdrant.module';
import { CollectionsService } from './collections/collections.service';
import { PointsService } from './points/points.service';
import { TextEmbedder } from './points/text-embedder';
import { PointsHandler } from './points/points.handler';
import { PointUpdateService } from './points/point-update.service';
import { SearchHandler } from './search/search.handler';
import { SearchService } from './search/search.service';
import { AnalyticsHandler } from './analytics/analytics.handler';
import { CollectionAnalyticsService } from './analytics/collection-analytics.service';
import { SearchStats } from './analytics/search-stats.service';
import { SearchCache } from './cache/search-cache.service';
import { SearchCacheInterceptor } from './cache/search-cache.interceptor';
import { CollectionsHandler } from './collections/collections.handler';
import { RecommendHandler } from './recommend/recommend.handler';
import { RecommendService } from './recommend/recommend.service';
import { ClusterHandler } from './cluster/cluster.handler';
import { ClusterService } from './cluster/cluster.service';
import { SnapshotsHandler } from './snapshots/snapshots.handler';
import { SnapshotsService } from './snapshots/snapshots.service';
import { SnapshotTransfer } from './snapshots/snapshot-transfer';
import { AliasesHandler } from './aliases/aliases.handler';
import { AliasesService } from './aliases/aliases.service';
import { CollectionSizesGauge } from './metrics/collection-sizes.gauge';

@Module({
  imports: [
    QdrantModule,
    NatsServiceModule.forRoot({
      service: ServiceName.Vector,
      healthSubject: Subject.VectorHealth,
      usesRedis: true,
      indicators: [QdrantIndicator],
    }),
  ],
  controllers: [
    PointsHandler,
    SearchHandler,
    AnalyticsHandler,
    CollectionsHandler,
    RecommendHandler,
    ClusterHandler,
    SnapshotsHandler,
    AliasesHandler,
  ],
  providers: [
    EmbeddingClient,
    CollectionsService,
    PointsService,
    TextEmbedder,
    PointUpdateService,
    SearchService,
    SearchCache,
    SearchStats,
    CollectionAnalyticsService,
    RecommendService,
    ClusterService,
    SnapshotsService,
    SnapshotTransfer,
    AliasesService,
    CollectionSizesGauge,
    { provide: APP_INTERCEPTOR, useClass: SearchCacheInterceptor },
  ],
})
export class AppModule {}
