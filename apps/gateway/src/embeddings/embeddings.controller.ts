import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Subject, type EmbeddingModelInfo } from '@aip/contracts';
import { Authenticated, RequirePermission } from '@aip/rbac';
import { EmbedTextsDto } from './embeddings.dto';
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
  async embed(
    @Body() body: EmbedTextsDto,
  ): Promise<{ model: string; dimension: number; embeddings: number[][]; cached: number }> {
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
  async models(): Promise<{ models: EmbeddingModelInfo[] }> {
    return { models: await this.embeddings.request(Subject.EmbeddingModels, {}) };
  }
}
