import { Module } from '@nestjs/common';
import { EmbeddingsController } from './embeddings.controller';
import { OpenAiEmbeddingsController } from './openai-embeddings.controller';

@Module({
  controllers: [EmbeddingsController, OpenAiEmbeddingsController],
})
export class EmbeddingsModule {}
