import { Body, Controller, Header, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  RAG_DEFAULT_MAX_TOKENS,
  Subject,
  type FeedbackResult,
  type RagAnswer,
  type RagStreamEvent,
} from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { sseStream } from '../generation/sse-stream';
import { GenerationTokenLimits } from '../traffic/generation-token-limits.service';
import { InferenceClient } from '../clients/inference.client';
import { ApiJsonOrStreamResponse, EVENT_STREAM } from '../docs/streamed-responses';
import {
  GenerationTextEventDto,
  StreamFailureDto,
} from '../generation/generation-events.responses';
import { FeedbackDto, RagQueryDto } from './rag.dto';
import { FeedbackResultDto, RagAnswerDto, RagCitationsEventDto } from './rag.responses';

/**
 * A streamed answer's events: its text as it is generated (`{type: "text"}`), then one
 * `{type: "citations"}` event with everything but the text, then `[DONE]`.
 */
export function ragEvents(event: RagStreamEvent): unknown[] {
  if (event.type === 'text') return [event];
  return [
    {
      type: 'citations',
      model: event.model,
      citations: event.citations,
      citations_from: event.citations_from,
      confidence: event.confidence,
      timings: event.timings,
      usage: event.usage,
      finish_reason: event.finish_reason,
      interaction_id: event.interaction_id,
      examples: event.examples,
    },
  ];
}

@ApiTags('rag')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1')
export class RagController {
  constructor(
    private readonly inference: InferenceClient,
    private readonly limits: GenerationTokenLimits,
  ) {}

  @Post('rag/query')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({
    summary:
      'Answer a question from a collection with numbered passages: answer, citations, confidence, timings, interaction_id; with stream: true, server-sent text events, then a citations event, then [DONE]',
  })
  @ApiJsonOrStreamResponse({
    description: 'The answer; with stream: true, its text events, a citations event, then [DONE]',
    json: RagAnswerDto,
    stream: EVENT_STREAM,
    events: [GenerationTextEventDto, RagCitationsEventDto, StreamFailureDto],
  })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async query(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RagQueryDto,
  ): Promise<RagAnswer | StreamableFile> {
    // The guard has already checked the collection against the caller's scope.
    const held = await this.limits.reserve(principal, body.max_tokens ?? RAG_DEFAULT_MAX_TOKENS);
    const payload = { ...body, tenant: principal.tenant };
    if (!body.stream) {
      const answer = await this.inference.answer(payload).catch(async (error: unknown) => {
        await held.settle(0);
        throw error;
      });
      await held.settle(answer.usage.completion_tokens);
      return answer;
    }
    const events = this.inference.answerStream(payload);
    return sseStream(events, {
      events: (event) => {
        if (event.type === 'done') void held.settle(event.usage.completion_tokens);
        return ragEvents(event);
      },
      end: ['[DONE]'],
    });
  }

  @Post('feedback')
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({
    summary:
      'Rate a RAG answer by its interaction_id (score 1-5); answers rated 4 or more become examples for similar questions asked with use_feedback',
  })
  @ApiOkResponse({ type: FeedbackResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  feedback(
    @CurrentPrincipal() principal: Principal,
    @Body() body: FeedbackDto,
  ): Promise<FeedbackResult> {
    return this.inference.request(Subject.InferenceFeedback, {
      ...body,
      tenant: principal.tenant,
      collections: principal.collections === undefined ? undefined : [...principal.collections],
    });
  }
}
