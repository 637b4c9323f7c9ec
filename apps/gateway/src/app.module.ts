import { Module } from '@nestjs/common';
import { ServiceName } from '@aip/contracts';
import { HealthModule, MessagingModule, NatsIndicator } from '@aip/platform';
import { PlatformHealthModule } from './health/platform-health.module';

@Module({
  imports: [
    MessagingModule.forRoot(ServiceName.Gateway),
    HealthModule.forRoot({ indicators: [NatsIndicator] }),
    PlatformHealthModule,
  ],
})
export class AppModule {}
