import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CollectionAnalyticsRequest,
  ErrorCode,
  PlatformError,
  SearchAnalyticsRequest,
  Subject,
  type CollectionAnalyticsReply,
  type SearchAnalyticsReply,
} from '@aip/contracts';
import { CollectionAnalyticsService } from './collection-analytics.service';
import { SearchStats } from './search-stats.service';
import { Handles } from '@aip/platform';

/** The vector service's analytics over NATS (the gateway's /api/v1/analytics/*). */
@Controller()
export class AnalyticsHandler {
  constructor(
    private readonly collections: CollectionAnalyticsService,
    private readonly searches: SearchStats,
  ) {}

  @Handles(Subject.VectorAnalyticsCollections)
  collectionAnalytics(
    @Payload() request: CollectionAnalyticsRequest,
  ): Promise<CollectionAnalyticsReply> {
    return this.collections.report(request);
  }

  @Handles(Subject.VectorAnalyticsSearch)
  async searchAnalytics(@Payload() request: SearchAnalyticsRequest): Promise<SearchAnalyticsReply> {
    try {
      return await this.searches.report(request);
    } catch (error) {
      throw new PlatformError(
        ErrorCode.ServiceUnavailable,
        `Search analytics are kept in Redis, which did not answer: ${error instanceof Error ? error.message : String(error)}`,
        { retryAfterSeconds: 2 },
      );
    }
  }
}
