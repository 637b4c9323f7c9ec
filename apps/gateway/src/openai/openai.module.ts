import { Module } from '@nestjs/common';
import { GenerationModule } from '../generation/generation.module';
import { OpenAiCompletionsController } from './openai-completions.controller';
import { OpenAiEmbeddingsController } from './openai-embeddings.controller';
import { OpenAiModelCatalog } from './openai-model-catalog.service';
import { OpenAiModelsController } from './openai-models.controller';
import { OpenAiResponsesController } from './responses/responses.controller';

/** The OpenAI-compatible API under `/v1`: models, completions, chat completions, responses, embeddings. */
@Module({
  imports: [GenerationModule],
  controllers: [
    OpenAiCompletionsController,
    OpenAiResponsesController,
    OpenAiEmbeddingsController,
    OpenAiModelsController,
  ],
  providers: [OpenAiModelCatalog],
})
export class OpenAiModule {}
