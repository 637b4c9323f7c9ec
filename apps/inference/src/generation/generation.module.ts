import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { ModelsModule } from '../models/models.module';
import { GenerateHandler } from './generate.handler';
import { GenerationCancellations } from './generation-cancellations.service';
import { LlamaTextGenerator } from './llama-text-generator.service';
import { TextGenerator } from './text-generator';

/** Text generation on the loaded models, as the TextGenerator other features build on. */
@Module({
  imports: [ModelsModule, ConversationsModule],
  controllers: [GenerateHandler],
  providers: [
    LlamaTextGenerator,
    GenerationCancellations,
    { provide: TextGenerator, useExisting: LlamaTextGenerator },
  ],
  exports: [TextGenerator],
})
export class GenerationModule {}
