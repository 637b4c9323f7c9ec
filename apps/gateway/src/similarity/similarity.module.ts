import { Module } from '@nestjs/common';
import { SimilarityController } from './similarity.controller';

@Module({ controllers: [SimilarityController] })
export class SimilarityModule {}
