import { Module } from '@nestjs/common';
import { CollectionsController } from './collections.controller';
import { ExploreController } from './explore.controller';
import { PointsController } from './points.controller';
import { SnapshotsController } from './snapshots.controller';
import { VectorClient } from './vector.client';

@Module({
  controllers: [CollectionsController, PointsController, ExploreController, SnapshotsController],
  providers: [VectorClient],
})
export class VectorsModule {}
