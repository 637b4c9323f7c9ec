import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';
import { ClientsModule } from './clients/clients.module';
import { GenerationModule } from './generation/generation.module';
import { LlamaRuntimeIndicator } from './llama/llama-runtime.indicator';
import { LlamaModule } from './llama/llama.module';
import { ModelsIndicator } from './models/models.indicator';
import { ModelsModule } from './models/models.module';
import { RagModule } from './rag/rag.module';

@Module({
  imports: [
    ClientsModule,
    LlamaModule,
    ModelsModule,
    GenerationModule,
    RagModule,
    NatsServiceModule.forRoot({
      service: ServiceName.Inference,
      healthSubject: Subject.InferenceHealth,
      usesRedis: false,
      indicators: [LlamaRuntimeIndicator, ModelsIndicator],
      imports: [LlamaModule, ModelsModule],
    }),
  ],
})
export class AppModule {}
