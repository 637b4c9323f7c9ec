import {
  Body,
  Controller,
  Header,
  HttpCode,
  Post,
  StreamableFile,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOperation,
  ApiResponse,
  ApiSecurity,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Subject } from '@aip/contracts';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../../auth/current-principal.decorator';
import { GenerationService } from '../../generation/generation.service';
import { namedSseStream } from '../../generation/sse-stream';
import { ApiOpenAiErrors } from '../openai-error.responses';
import { OpenAiExceptionFilter } from '../openai-exception.filter';
import { chatRequestOf } from './response-chat-request';
import { responseEventFormat } from './response-events';
import { RESPONSE_EVENT_DOCS } from './response-events.responses';
import { INPUT_ITEM_DOCS, ResponsesTextPartDto } from './response-input-items.dto';
import { outputOfChoice, responseObject, responseSettingsOf, statusOf } from './response-object';
import {
  FunctionCallItemDto,
  OutputMessageItemDto,
  ResponseObjectDto,
} from './response-object.responses';
import { checkedTools } from './response-tools';
import { ResponsesRequestDto } from './responses.dto';

/**
 * OpenAI's Responses API for text and function tools, on the chat path to the inference
 * service. Responses are not stored (`store` is always false): a conversation goes on by
 * sending it again as `input`, so there is no `previous_response_id` and no `GET
 * /v1/responses/{id}`.
 */
@ApiTags('openai')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseFilters(OpenAiExceptionFilter)
@ApiExtraModels(...INPUT_ITEM_DOCS, ResponsesTextPartDto, OutputMessageItemDto, FunctionCallItemDto)
@Controller('v1')
export class OpenAiResponsesController {
  constructor(private readonly generation: GenerationService) {}

  @Post('responses')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'OpenAI-compatible Responses API (streamed with stream: true)' })
  @ApiExtraModels(ResponseObjectDto, ...RESPONSE_EVENT_DOCS)
  @ApiOpenAiErrors(400, 401, 403, 404, 413, 429, 503, 504)
  @ApiResponse({
    status: 200,
    description:
      'The Response; with stream: true, its events (an event: line naming each), ending with response.completed or response.incomplete',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ResponseObjectDto) } },
      'text/event-stream': {
        schema: { oneOf: RESPONSE_EVENT_DOCS.map((type) => ({ $ref: getSchemaPath(type) })) },
      },
    },
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ResponsesRequestDto,
  ): Promise<Record<string, unknown> | StreamableFile> {
    const tools = checkedTools(body.tools);
    const payload = chatRequestOf(body, tools);
    const settings = responseSettingsOf(body, tools);
    if (body.stream) {
      const chunks = await this.generation.stream(principal, Subject.InferenceChat, payload);
      return namedSseStream(chunks, responseEventFormat(settings));
    }
    const { choices, done } = await this.generation.complete(
      principal,
      Subject.InferenceChat,
      payload,
    );
    const choice = choices[0]!;
    return responseObject(settings, {
      status: statusOf(choice.finish_reason),
      output: outputOfChoice(choice),
      model: done.model,
      usage: done.usage,
    });
  }
}
