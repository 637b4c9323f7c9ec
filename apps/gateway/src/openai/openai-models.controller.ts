import { Controller, Get, Param, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@aip/rbac';
import { OpenAiExceptionFilter } from './openai-exception.filter';
import { OpenAiModelCatalog } from './openai-model-catalog.service';
import { openAiModelOf } from './openai-models';
import { OpenAiModelDto, OpenAiModelListDto } from './openai-models.responses';
import { ApiOpenAiErrors } from './openai-error.responses';

/** OpenAI's `/v1/models`: the generation models (embedding models are named per request). */
@ApiTags('openai')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseFilters(OpenAiExceptionFilter)
@Controller('v1/models')
export class OpenAiModelsController {
  constructor(private readonly catalog: OpenAiModelCatalog) {}

  @Get()
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'OpenAI-compatible list of the generation models' })
  @ApiOkResponse({ type: OpenAiModelListDto })
  @ApiOpenAiErrors(401, 403, 429, 503, 504)
  async list(): Promise<OpenAiModelListDto> {
    return { object: 'list', data: (await this.catalog.models()).map(openAiModelOf) };
  }

  @Get(':id')
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'OpenAI-compatible model by id; 404 model_not_found when unknown' })
  @ApiOkResponse({ type: OpenAiModelDto })
  @ApiOpenAiErrors(401, 403, 404, 429, 503, 504)
  async retrieve(@Param('id') id: string): Promise<OpenAiModelDto> {
    return openAiModelOf(await this.catalog.find(id));
  }
}
