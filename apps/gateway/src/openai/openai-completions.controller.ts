import {
  Body,
  Controller,
  Header,
  HttpCode,
  Post,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ErrorCode, PlatformError, Subject, type GenerationSettings } from '@aip/contracts';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GenerationService } from '../generation/generation.service';
import { sseStream } from '../generation/sse-stream';
import { OpenAiChatDto, OpenAiCompletionDto } from './openai.dto';
import { toChatMessages } from './openai-chat-messages';
import { openAiStreamFailure } from './openai-errors';
import { OpenAiExceptionFilter } from './openai-exception.filter';
import { OpenAiModelCatalog } from './openai-model-catalog.service';
import { chatCompletion, openAiIdentity, textCompletion } from './openai-format';
import { chatChunkFormat, completionChunkFormat } from './openai-chunk-format';
import { chatChoiceFields, completionChoiceFields, textChoices } from './openai-choice-options';
import { ApiJsonOrStreamResponse, EVENT_STREAM } from '../docs/streamed-responses';
import { ChatCompletionChunkDto, ChatCompletionDto } from './openai-chat.responses';
import { TextCompletionChunkDto, TextCompletionDto } from './openai-completion.responses';
import { ApiOpenAiErrors, OpenAiErrorBodyDto } from './openai-error.responses';
import {
  OPENAI_CHAT_DEFAULT_MAX_TOKENS,
  OPENAI_COMPLETIONS_DEFAULT_MAX_TOKENS,
  OPENAI_DEFAULT_TEMPERATURE,
  WITHIN_CONTEXT,
} from './openai-generation-defaults';

function settings(
  body: OpenAiChatDto | OpenAiCompletionDto,
  maxTokens: number,
): GenerationSettings {
  return {
    model: body.model === 'default' ? undefined : body.model,
    max_tokens: maxTokens,
    temperature: body.temperature ?? OPENAI_DEFAULT_TEMPERATURE,
    top_p: body.top_p,
    top_k: body.top_k,
    seed: body.seed,
    stop: typeof body.stop === 'string' ? [body.stop] : (body.stop ?? undefined),
  };
}

function jsonSchemaOf(body: OpenAiChatDto): Record<string, unknown> | undefined {
  const format = body.response_format;
  if (format === undefined || format.type === 'text') return undefined;
  if (format.type === 'json_object') return {};
  const schema = format.json_schema?.schema;
  if (schema === undefined) {
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      'response_format.json_schema.schema is required with type json_schema',
      { field: 'response_format.json_schema.schema' },
    );
  }
  return schema;
}

/** OpenAI-compatible completions and chat completions, so OpenAI clients work unchanged. */
@ApiTags('openai')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseFilters(OpenAiExceptionFilter)
@Controller('v1')
export class OpenAiCompletionsController {
  constructor(
    private readonly generation: GenerationService,
    private readonly catalog: OpenAiModelCatalog,
  ) {}

  @Post('chat/completions')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'OpenAI-compatible chat completions (streamed with stream: true)' })
  @ApiJsonOrStreamResponse({
    description: 'The completion; with stream: true, its chunks, then data: [DONE]',
    json: ChatCompletionDto,
    stream: EVENT_STREAM,
    events: [ChatCompletionChunkDto, OpenAiErrorBodyDto],
  })
  @ApiOpenAiErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async chat(
    @CurrentPrincipal() principal: Principal,
    @Body() body: OpenAiChatDto,
  ): Promise<Record<string, unknown> | StreamableFile> {
    const payload = {
      ...settings(
        body,
        body.max_completion_tokens ?? body.max_tokens ?? OPENAI_CHAT_DEFAULT_MAX_TOKENS,
      ),
      ...WITHIN_CONTEXT,
      json_schema: jsonSchemaOf(body),
      messages: toChatMessages(body.messages, body.model),
      ...chatChoiceFields(body),
    };
    const fingerprint = this.catalog.fingerprintOf(body.model);
    if (body.stream) {
      const chunks = await this.generation.stream(principal, Subject.InferenceChat, payload);
      const identity = openAiIdentity('chatcmpl', body.model, await fingerprint);
      return sseStream(
        chunks,
        chatChunkFormat(identity, body.stream_options?.include_usage === true),
        openAiStreamFailure,
      );
    }
    const { choices, done } = await this.generation.complete(
      principal,
      Subject.InferenceChat,
      payload,
    );
    return chatCompletion(
      openAiIdentity('chatcmpl', done.model, await fingerprint),
      // Asked for, log probabilities are a list even for a choice with no text.
      payload.logprobs ? choices.map((c) => ({ ...c, logprobs: c.logprobs ?? [] })) : choices,
      done.usage,
    );
  }

  @Post('completions')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'OpenAI-compatible (legacy) text completions' })
  @ApiJsonOrStreamResponse({
    description: 'The completion; with stream: true, its chunks, then data: [DONE]',
    json: TextCompletionDto,
    stream: EVENT_STREAM,
    events: [TextCompletionChunkDto, OpenAiErrorBodyDto],
  })
  @ApiOpenAiErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async completions(
    @CurrentPrincipal() principal: Principal,
    @Body() body: OpenAiCompletionDto,
  ): Promise<Record<string, unknown> | StreamableFile> {
    const prompts = typeof body.prompt === 'string' ? [body.prompt] : body.prompt;
    const common = {
      ...settings(body, body.max_tokens ?? OPENAI_COMPLETIONS_DEFAULT_MAX_TOKENS),
      ...WITHIN_CONTEXT,
      ...completionChoiceFields(body),
    };
    const fingerprint = this.catalog.fingerprintOf(body.model);
    if (body.stream) {
      if (prompts.length !== 1) {
        throw new PlatformError(
          ErrorCode.ValidationFailed,
          'prompt must be one string when stream is true',
          { field: 'prompt' },
        );
      }
      const chunks = await this.generation.stream(principal, Subject.InferenceGenerate, {
        ...common,
        prompt: prompts[0],
      });
      return sseStream(
        chunks,
        completionChunkFormat(
          openAiIdentity('cmpl', body.model, await fingerprint),
          body.stream_options?.include_usage === true,
          {
            ...(body.echo ? { echo: prompts[0] } : {}),
            logprobs: body.logprobs != null,
            n: body.n ?? 1,
          },
        ),
        openAiStreamFailure,
      );
    }
    const results = await this.generation.completeAll(
      principal,
      Subject.InferenceGenerate,
      prompts.map((prompt) => ({ ...common, prompt })),
    );
    const sum = (key: 'prompt_tokens' | 'completion_tokens' | 'total_tokens') =>
      results.reduce((n, r) => n + r.done.usage[key], 0);
    return textCompletion(
      openAiIdentity('cmpl', results[0].done.model, await fingerprint),
      textChoices(prompts, results, body),
      {
        prompt_tokens: sum('prompt_tokens'),
        completion_tokens: sum('completion_tokens'),
        total_tokens: sum('total_tokens'),
      },
    );
  }
}
