import { Module } from '@nestjs/common';
import { EmbeddingsController } from './embeddings.controller';
import { EmbeddingsClient } from './embeddings.service';
import { OpenAiEmbeddingsController } from './openai-embeddings.controller';

@Module({
  controllers: [EmbeddingsController, OpenAiEmbeddingsController],
  providers: [EmbeddingsClient],
  exports: [EmbeddingsClient],
})
export class EmbeddingsModule {}
