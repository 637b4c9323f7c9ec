import { Module } from '@nestjs/common';
import { VectorAnalyticsController } from './vector-analytics.controller';

@Module({ controllers: [VectorAnalyticsController] })
export class VectorAnalyticsModule {}
