import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { Authenticated, RequirePermission } from '@aip/rbac';
import { OllamaCatalog } from './ollama-catalog.service';
import { runningOf, showOf, tagOf } from './ollama-models';
import { OllamaShowDto } from './ollama-show.dto';
import { ApiOllamaErrors } from './ollama-error.responses';
import {
  OllamaModelInfoDto,
  OllamaRunningListDto,
  OllamaTagListDto,
  OllamaVersionDto,
} from './ollama-models.responses';

/**
 * The Ollama release whose API this one follows: `format` as a JSON schema came with it. Clients
 * read the version to tell what a server can do; later additions (thinking, logprobs) and
 * what no model here does (tools, images) are refused.
 */
export const OLLAMA_API_VERSION = '0.5.0';

/** Ollama's model routes over the platform's configured generation and embedding models. */
@ApiTags('ollama')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api')
export class OllamaModelsController {
  constructor(private readonly catalog: OllamaCatalog) {}

  @Get('tags')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'Ollama-compatible list of the generation and embedding models' })
  @ApiOkResponse({ type: OllamaTagListDto })
  @ApiOllamaErrors(401, 403, 429, 503, 504)
  async tags(): Promise<OllamaTagListDto> {
    return { models: (await this.catalog.models()).map(tagOf) };
  }

  @Post('show')
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'Ollama-compatible model details: capabilities, context size' })
  @ApiOkResponse({ type: OllamaModelInfoDto })
  @ApiOllamaErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async show(@Body() body: OllamaShowDto): Promise<OllamaModelInfoDto> {
    const requested = body.model ?? body.name;
    if (!requested)
      throw new PlatformError(ErrorCode.ValidationFailed, 'model is required', { field: 'model' });
    return showOf(await this.catalog.find(requested));
  }

  @Get('ps')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'Ollama-compatible list of the loaded models' })
  @ApiOkResponse({ type: OllamaRunningListDto })
  @ApiOllamaErrors(401, 403, 429, 503, 504)
  async ps(): Promise<OllamaRunningListDto> {
    return { models: runningOf(await this.catalog.models()) };
  }

  @Get('version')
  @Authenticated()
  @ApiOperation({ summary: 'The Ollama API version this gateway follows' })
  @ApiOkResponse({ type: OllamaVersionDto })
  @ApiOllamaErrors(401, 429, 503)
  version(): OllamaVersionDto {
    return { version: OLLAMA_API_VERSION };
  }
}
