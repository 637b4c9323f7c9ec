import { Module } from '@nestjs/common';
import { DataDirIndicator, HealthModule } from '@aip/platform';
import { ServiceController } from './service/service.controller';

@Module({
  imports: [HealthModule.forRoot({ indicators: [DataDirIndicator] })],
  controllers: [ServiceController],
})
export class AppModule {}
