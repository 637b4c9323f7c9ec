import { Module } from '@nestjs/common';
import { UsageModule } from '../usage/usage.module';
import { UsageAnalyticsController } from './usage-analytics.controller';
import { VectorAnalyticsController } from './vector-analytics.controller';

@Module({
  imports: [UsageModule],
  controllers: [UsageAnalyticsController, VectorAnalyticsController],
})
export class AnalyticsModule {}
