import { Body, Controller, Header, HttpCode, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiJsonOrStreamResponse, NDJSON_STREAM } from '../docs/streamed-responses';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GenerationService } from '../generation/generation.service';
import { streamedReply } from '../generation/streamed-reply';
import { OllamaCatalog } from './ollama-catalog.service';
import { OllamaChatDto, OllamaGenerateDto } from './ollama-generation.dto';
import { OllamaChatReplyDto, OllamaGenerateReplyDto } from './ollama-generation.responses';
import { ApiOllamaErrors, OllamaErrorBodyDto } from './ollama-error.responses';
import { NDJSON, OllamaReply, ollamaStreamFormat, wholeReply } from './ollama-reply';
import {
  chatGenerationOf,
  generateGenerationOf,
  unsupported,
  type OllamaGeneration,
} from './ollama-requests';

type OllamaAnswer = Record<string, unknown> | StreamableFile;

/**
 * Ollama's `/api/chat` and `/api/generate`, over the same generation service, budget and
 * cancellation as the platform's own routes: a client that disconnects from a stream cancels
 * its generation.
 */
@ApiTags('ollama')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api')
export class OllamaGenerationController {
  constructor(
    private readonly generation: GenerationService,
    private readonly catalog: OllamaCatalog,
  ) {}

  @Post('chat')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({
    summary: 'Ollama-compatible chat: NDJSON objects by default, one object with stream: false',
  })
  @ApiJsonOrStreamResponse({
    description:
      'A line per piece of the answer, the last with done: true; one object with stream: false',
    json: OllamaChatReplyDto,
    stream: NDJSON_STREAM,
    events: [OllamaChatReplyDto, OllamaErrorBodyDto],
  })
  @ApiOllamaErrors(400, 401, 403, 404, 413, 429, 503, 504)
  chat(
    @CurrentPrincipal() principal: Principal,
    @Body() body: OllamaChatDto,
  ): Promise<OllamaAnswer> {
    const reply = new OllamaReply('chat', body.model);
    return this.answer(principal, body, reply, chatGenerationOf(body));
  }

  @Post('generate')
  @HttpCode(200)
  @Header('Cache-Control', 'no-cache')
  @RequirePermission('generate:text')
  @ApiOperation({
    summary:
      "Ollama-compatible generation: the prompt through the model's template (as it is with raw)",
  })
  @ApiJsonOrStreamResponse({
    description:
      'A line per piece of the text, the last with done: true; one object with stream: false',
    json: OllamaGenerateReplyDto,
    stream: NDJSON_STREAM,
    events: [OllamaGenerateReplyDto, OllamaErrorBodyDto],
  })
  @ApiOllamaErrors(400, 401, 403, 404, 413, 429, 503, 504)
  generate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: OllamaGenerateDto,
  ): Promise<OllamaAnswer> {
    const reply = new OllamaReply('generate', body.model);
    return this.answer(principal, body, reply, generateGenerationOf(body));
  }

  private async answer(
    principal: Principal,
    body: OllamaChatDto | OllamaGenerateDto,
    reply: OllamaReply,
    generation: OllamaGeneration | undefined,
  ): Promise<OllamaAnswer> {
    if (generation === undefined) {
      // Ollama's way to load a model ahead of use; here it is loaded: only say so, if it exists.
      const model = await this.catalog.find(body.model);
      if (!model.generation) throw unsupported(body.model, 'generation', 'model');
      return reply.loaded();
    }
    const chunks = await this.generation.stream(principal, generation.subject, generation.payload);
    if (body.stream === false) return wholeReply(chunks, reply);
    return streamedReply(chunks, ollamaStreamFormat(reply), NDJSON);
  }
}
