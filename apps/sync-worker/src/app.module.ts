import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';
import { IngestModule } from './ingest/ingest.module';
import { JobsModule } from './jobs/jobs.module';
import { SourcesModule } from './sources/sources.module';

@Module({
  imports: [
    NatsServiceModule.forRoot({
      service: ServiceName.SyncWorker,
      healthSubject: Subject.SyncWorkerHealth,
      usesRedis: true,
    }),
    IngestModule,
    JobsModule,
    SourcesModule,
  ],
})
export class AppModule {}
