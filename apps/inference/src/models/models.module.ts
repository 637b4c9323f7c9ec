import { Module } from '@nestjs/common';
import { LlamaModule } from '../llama/llama.module';
import { ModelRegistry } from './model-registry.service';
import { ModelsHandler } from './models.handler';

@Module({
  imports: [LlamaModule],
  controllers: [ModelsHandler],
  providers: [ModelRegistry],
  exports: [ModelRegistry],
})
export class ModelsModule {}
