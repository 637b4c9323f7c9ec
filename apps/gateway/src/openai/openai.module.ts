import { Module } from '@nestjs/common';
import { GenerationModule } from '../generation/generation.module';
import { OpenAiCompletionsController } from './openai-completions.controller';

@Module({ imports: [GenerationModule], controllers: [OpenAiCompletionsController] })
export class OpenAiModule {}
