import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';
import { LlamaRuntimeIndicator } from './llama/llama-runtime.indicator';
import { LlamaModule } from './llama/llama.module';

@Module({
  imports: [
    LlamaModule,
    NatsServiceModule.forRoot({
      service: ServiceName.Inference,
      healthSubject: Subject.InferenceHealth,
      usesRedis: false,
      indicators: [LlamaRuntimeIndicator],
      imports: [LlamaModule],
    }),
  ],
})
export class AppModule {}
