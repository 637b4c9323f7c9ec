import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Subject } from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { Authenticated, RequirePermission } from '@aip/rbac';
import { EmbedTextsDto } from './embeddings.dto';
import { EmbeddingModelListDto, EmbeddingsDto } from './embeddings.responses';
import { EmbeddingClient } from '../clients/embedding.client';

@ApiTags('embeddings')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1')
export class EmbeddingsController {
  constructor(private readonly embeddings: EmbeddingClient) {}

  @Post('embed')
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'Embed texts with a configured model' })
  @ApiOkResponse({ type: EmbeddingsDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async embed(@Body() body: EmbedTextsDto): Promise<EmbeddingsDto> {
    const result = await this.embeddings.embed(body.texts, body.model);
    return {
      model: result.model,
      dimension: result.dimension,
      embeddings: result.vectors.map((v) => Array.from(v)),
      cached: result.cached,
    };
  }

  @Get('embeddings/models')
  @Authenticated()
  @ApiOperation({ summary: 'The configured embedding models with their dimension' })
  @ApiOkResponse({ type: EmbeddingModelListDto })
  @ApiPlatformErrors(401, 429, 503, 504)
  async models(): Promise<EmbeddingModelListDto> {
    return { models: await this.embeddings.request(Subject.EmbeddingModels, {}) };
  }
}
