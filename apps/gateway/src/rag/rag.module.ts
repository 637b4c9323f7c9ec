import { Module } from '@nestjs/common';
import { TrafficModule } from '../traffic/traffic.module';
import { RagClient } from './rag.client';
import { RagController } from './rag.controller';

@Module({ imports: [TrafficModule], controllers: [RagController], providers: [RagClient] })
export class RagModule {}
