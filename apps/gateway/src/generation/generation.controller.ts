import { Body, Controller, Get, Header, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Subject, type TokenUsage } from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { BatchGenerateDto, ChatDto, GenerateDto } from './generation.dto';
import {
  InferenceClient,
  type Generation,
  type GenerationSubject,
} from '../clients/inference.client';
import { GenerationService } from './generation.service';
import { sseStream } from './sse-stream';
import { ApiJsonOrStreamResponse, EVENT_STREAM } from '../docs/streamed-responses';
import { GENERATION_EVENTS } from './generation-events.responses';
import { BatchGeneratedDto, GeneratedTextDto, InferenceModelListDto } from './generation.responses';

/** What /generate and /chat answer: one generation, or its events as the inference service streams them. */
const GENERATED_TEXT_OR_EVENTS = {
  json: GeneratedTextDto,
  stream: EVENT_STREAM,
  events: GENERATION_EVENTS,
} as const;

function generated({ text, done }: Generation): GeneratedTextDto {
  return {
    model: done.model,
    text,
    finish_reason: done.finish_reason,
    usage: done.usage,
    ...(done.vector_id === undefined ? {} : { vector_id: done.vector_id }),
  };
}

@ApiTags('generation')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1')
export class GenerationController {
  constructor(
    private readonly generation: GenerationService,
    private readonly inference: InferenceClient,
  ) {}

  @Post('generate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({
    summary: 'Continue a prompt; with stream: true, server-sent events of {type: text | done}',
  })
  @ApiJsonOrStreamResponse({
    ...GENERATED_TEXT_OR_EVENTS,
    description: 'The generation; with stream: true, its text events, then a done event',
  })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  generate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: GenerateDto,
  ): Promise<GeneratedTextDto | StreamableFile> {
    return this.run(principal, Subject.InferenceGenerate, body);
  }

  @Post('chat')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: "Answer chat messages with the model's chat template" })
  @ApiJsonOrStreamResponse({
    ...GENERATED_TEXT_OR_EVENTS,
    description: 'The answer; with stream: true, its text events, then a done event',
  })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  chat(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ChatDto,
  ): Promise<GeneratedTextDto | StreamableFile> {
    return this.run(principal, Subject.InferenceChat, body);
  }

  @Post('generate/batch')
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'Continue many prompts concurrently with the same settings' })
  @ApiOkResponse({ type: BatchGeneratedDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async batch(
    @CurrentPrincipal() principal: Principal,
    @Body() body: BatchGenerateDto,
  ): Promise<BatchGeneratedDto> {
    const { prompts, ...settings } = body;
    const results = (
      await this.generation.completeAll(
        principal,
        Subject.InferenceGenerate,
        prompts.map((prompt) => ({ ...settings, prompt })),
      )
    ).map(generated);
    const sum = (key: keyof TokenUsage) => results.reduce((n, r) => n + r.usage[key], 0);
    return {
      results,
      usage: {
        prompt_tokens: sum('prompt_tokens'),
        completion_tokens: sum('completion_tokens'),
        total_tokens: sum('total_tokens'),
      },
    };
  }

  @Get('models')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'The generation models with their context size and state' })
  @ApiOkResponse({ type: InferenceModelListDto })
  @ApiPlatformErrors(401, 403, 429, 503, 504)
  async models(): Promise<InferenceModelListDto> {
    return { models: await this.inference.request(Subject.InferenceModels, {}) };
  }

  private async run(
    principal: Principal,
    subject: GenerationSubject,
    body: GenerateDto | ChatDto,
  ): Promise<GeneratedTextDto | StreamableFile> {
    if (!body.stream) return generated(await this.generation.complete(principal, subject, body));
    const chunks = await this.generation.stream(principal, subject, body);
    return sseStream(chunks, { events: (chunk) => [chunk] });
  }
}
