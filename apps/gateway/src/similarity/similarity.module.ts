import { Module } from '@nestjs/common';
import { VectorClient } from '../vectors/vector.client';
import { SimilarityController } from './similarity.controller';

@Module({ controllers: [SimilarityController], providers: [VectorClient] })
export class SimilarityModule {}
