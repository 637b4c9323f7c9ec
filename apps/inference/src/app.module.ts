import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { HealthModule, MessagingModule, NatsIndicator } from '@aip/platform';
import { LlamaRuntimeIndicator } from './llama/llama-runtime.indicator';
import { LlamaModule } from './llama/llama.module';

@Module({
  imports: [
    MessagingModule.forRoot(ServiceName.Inference),
    LlamaModule,
    HealthModule.forRoot({
      indicators: [NatsIndicator, LlamaRuntimeIndicator],
      natsSubject: Subject.InferenceHealth,
      imports: [LlamaModule],
    }),
  ],
})
export class AppModule {}
