import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { GenerationCancellations } from '../generation/generation-cancellations.service';
import { GenerationModule } from '../generation/generation.module';
import { ModelsModule } from '../models/models.module';
import { RagHandler } from './rag.handler';
import { RagRetrieval } from './rag-retrieval.service';
import { RagService } from './rag.service';

/** Retrieval-augmented generation with citations, over NATS. */
@Module({
  imports: [GenerationModule, ModelsModule, FeedbackModule],
  controllers: [RagHandler],
  providers: [RagService, RagRetrieval, GenerationCancellations],
})
export class RagModule {}
