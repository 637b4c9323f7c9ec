import { Module } from '@nestjs/common';
import { CollectionsController } from './collections.controller';
import { ExploreController } from './explore.controller';
import { PointsController } from './points.controller';
import { ReindexController } from './reindex.controller';
import { SnapshotsController } from './snapshots.controller';

@Module({
  controllers: [
    CollectionsController,
    PointsController,
    ExploreController,
    SnapshotsController,
    ReindexController,
  ],
})
export class VectorsModule {}
