import { Module } from '@nestjs/common';
import { LlamaRuntimeService } from './llama-runtime.service';

@Module({ providers: [LlamaRuntimeService], exports: [LlamaRuntimeService] })
export class LlamaModule {}
