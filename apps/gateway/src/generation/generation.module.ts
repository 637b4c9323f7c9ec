import { Module } from '@nestjs/common';
import { TrafficModule } from '../traffic/traffic.module';
import { GenerationClient } from './generation.client';
import { GenerationController } from './generation.controller';
import { GenerationService } from './generation.service';

@Module({
  imports: [TrafficModule],
  controllers: [GenerationController],
  providers: [GenerationClient, GenerationService],
  exports: [GenerationClient, GenerationService],
})
export class GenerationModule {}
