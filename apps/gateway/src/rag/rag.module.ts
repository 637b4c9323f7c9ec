import { Module } from '@nestjs/common';
import { TrafficModule } from '../traffic/traffic.module';
import { RagController } from './rag.controller';

@Module({ imports: [TrafficModule], controllers: [RagController] })
export class RagModule {}
