import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';

@Module({
  imports: [
    NatsServiceModule.forRoot({
      service: ServiceName.SyncWorker,
      healthSubject: Subject.SyncWorkerHealth,
      usesRedis: true,
    }),
  ],
})
export class AppModule {}
