import { ApiProperty } from '@nestjs/swagger';
import {
  FINISH_REASONS,
  type FeedbackResult,
  type PointId,
  type RagAnswer,
  type RagCitation,
  type RagOutcome,
  type RagTimings,
} from '@aip/contracts';
import { POINT_ID_SCHEMA } from '../vectors/points.responses';

const CITATION_ORIGINS = ['answer', 'retrieval', 'none'] as const;
const RAG_FINISH_REASONS = [...FINISH_REASONS, 'no_context'] as const;

export class RagCitationDto implements RagCitation {
  @ApiProperty({ description: 'The passage number the answer cites as [index]' })
  index!: number;

  @ApiProperty(POINT_ID_SCHEMA)
  id!: PointId;

  @ApiProperty()
  score!: number;

  @ApiProperty({ type: String, nullable: true, description: "The point's source payload field" })
  source!: string | null;

  @ApiProperty({ description: 'The passage as the model saw it' })
  snippet!: string;
}

export class RagTimingsDto implements RagTimings {
  @ApiProperty()
  embed_ms!: number;

  @ApiProperty({ description: 'The search, embedding the question included' })
  search_ms!: number;

  @ApiProperty()
  generate_ms!: number;
}

export class RagUsageDto {
  @ApiProperty()
  prompt_tokens!: number;

  @ApiProperty()
  completion_tokens!: number;
}

/** Everything an answer carries besides its text. */
class RagOutcomeDto implements RagOutcome {
  @ApiProperty({ type: String, nullable: true, description: 'Null when nothing was generated' })
  model!: string | null;

  @ApiProperty({ type: [RagCitationDto] })
  citations!: RagCitationDto[];

  @ApiProperty({
    enum: CITATION_ORIGINS,
    description:
      'answer: the passages the answer cites; retrieval: it cites none, so all it was given; none: nothing relevant enough',
  })
  citations_from!: (typeof CITATION_ORIGINS)[number];

  @ApiProperty({ minimum: 0, maximum: 1 })
  confidence!: number;

  @ApiProperty({ type: RagTimingsDto })
  timings!: RagTimingsDto;

  @ApiProperty({ type: RagUsageDto })
  usage!: RagUsageDto;

  @ApiProperty({ enum: RAG_FINISH_REASONS })
  finish_reason!: (typeof RAG_FINISH_REASONS)[number];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Rate the answer with POST /api/v1/feedback; null when it could not be kept',
  })
  interaction_id!: string | null;

  @ApiProperty({ type: [String], description: 'Past interactions given as examples' })
  examples!: string[];
}

export class RagAnswerDto extends RagOutcomeDto implements RagAnswer {
  @ApiProperty()
  answer!: string;
}

/** The event after a streamed answer's text: everything but the text. */
export class RagCitationsEventDto extends RagOutcomeDto {
  @ApiProperty({ enum: ['citations'] })
  type!: 'citations';
}

export class FeedbackResultDto implements FeedbackResult {
  @ApiProperty()
  interaction_id!: string;

  @ApiProperty()
  score!: number;

  @ApiProperty({ description: 'The collection the rated answer came from' })
  collection!: string;
}
