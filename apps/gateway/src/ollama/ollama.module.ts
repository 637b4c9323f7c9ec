import { Module } from '@nestjs/common';
import { GenerationModule } from '../generation/generation.module';
import { OllamaCatalog } from './ollama-catalog.service';
import { OllamaEmbeddingsController } from './ollama-embeddings.controller';
import { OllamaGenerationController } from './ollama-generation.controller';
import { OllamaModelsController } from './ollama-models.controller';

/** Ollama's API under its own paths (`/api/chat`, `/api/tags`, ...), so Ollama clients work. */
@Module({
  imports: [GenerationModule],
  controllers: [OllamaGenerationController, OllamaEmbeddingsController, OllamaModelsController],
  providers: [OllamaCatalog],
})
export class OllamaModule {}
