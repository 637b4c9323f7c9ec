import { Module } from '@nestjs/common';
import { CollectionsController } from './collections.controller';
import { PointsController } from './points.controller';
import { VectorClient } from './vector.client';

@Module({ controllers: [CollectionsController, PointsController], providers: [VectorClient] })
export class VectorsModule {}
