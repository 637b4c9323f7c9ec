import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { FeedbackRequest, Subject, type FeedbackResult } from '@aip/contracts';
import { InteractionLog } from './interaction-log.service';
import { Handles } from '@aip/platform';

/** Ratings of RAG answers over NATS. */
@Controller()
export class FeedbackHandler {
  constructor(private readonly interactions: InteractionLog) {}

  @Handles(Subject.InferenceFeedback)
  rate(@Payload() request: FeedbackRequest): Promise<FeedbackResult> {
    return this.interactions.rate(request);
  }
}
