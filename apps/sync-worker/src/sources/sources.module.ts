import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { SourceRegistry } from './source-registry.service';
import { SourcesHandler } from './sources.handler';

/** Live sources (Kubernetes, PostgreSQL, folders) writing through the ingest module's sink. */
@Module({
  imports: [IngestModule],
  controllers: [SourcesHandler],
  providers: [SourceRegistry],
})
export class SourcesModule {}
