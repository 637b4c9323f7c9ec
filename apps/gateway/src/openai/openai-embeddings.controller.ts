import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@aip/rbac';
import { OpenAiEmbeddingsDto } from './openai-embeddings.dto';
import { EmbeddingClient } from '../clients/embedding.client';
import { countTokens } from '../embeddings/word-count';

/** OpenAI-compatible `/v1/embeddings`, so OpenAI clients and tools work unchanged. */
@ApiTags('openai')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/embeddings')
export class OpenAiEmbeddingsController {
  constructor(private readonly embeddings: EmbeddingClient) {}

  @Post()
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'OpenAI-compatible embeddings' })
  async create(@Body() body: OpenAiEmbeddingsDto): Promise<Record<string, unknown>> {
    const texts = typeof body.input === 'string' ? [body.input] : body.input;
    const result = await this.embeddings.embed(
      texts,
      body.model === 'default' ? undefined : body.model,
    );
    const base64 = body.encoding_format === 'base64';
    const tokens = countTokens(texts);
    return {
      object: 'list',
      data: result.vectors.map((vector, index) => ({
        object: 'embedding',
        index,
        embedding: base64
          ? Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64')
          : Array.from(vector),
      })),
      model: result.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    };
  }
}
