import { OmitType } from '@nestjs/swagger';
import { FeedbackRequest, RagQueryRequest } from '@aip/contracts';

/** The tenant comes from the caller's credential and the generation id from the gateway. */
export class RagQueryDto extends OmitType(RagQueryRequest, ['tenant', 'generation_id'] as const) {}

// Tenant and collections come from the caller's credential, never from the body.
export class FeedbackDto extends OmitType(FeedbackRequest, ['tenant', 'collections'] as const) {}
