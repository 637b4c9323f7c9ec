import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module';
import { FeedbackHandler } from './feedback.handler';
import { InteractionLog } from './interaction-log.service';

/** Feedback on RAG answers, kept with the interactions in `learning_data`. */
@Module({
  imports: [ConversationsModule],
  controllers: [FeedbackHandler],
  providers: [InteractionLog],
  exports: [InteractionLog],
})
export class FeedbackModule {}
