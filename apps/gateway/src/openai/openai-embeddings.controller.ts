import { Body, Controller, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ErrorCode, PlatformError, Subject } from '@aip/contracts';
import { RequirePermission } from '@aip/rbac';
import { OpenAiEmbeddingsDto } from './openai-embeddings.dto';
import { EmbeddingClient } from '../clients/embedding.client';
import { countTokens } from '../embeddings/word-count';
import { embedInBatches } from './openai-embedding-batches';
import { kindOfInput } from './openai-embedding-input';
import { textsOfTokenIds } from './openai-token-ids';
import { OpenAiExceptionFilter } from './openai-exception.filter';
import { OpenAiEmbeddingListDto } from './openai-embeddings.responses';
import { ApiOpenAiErrors } from './openai-error.responses';

/** OpenAI-compatible `/v1/embeddings`, so OpenAI clients and tools work unchanged. */
@ApiTags('openai')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseFilters(OpenAiExceptionFilter)
@Controller('v1/embeddings')
export class OpenAiEmbeddingsController {
  constructor(private readonly embeddings: EmbeddingClient) {}

  @Post()
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'OpenAI-compatible embeddings' })
  @ApiOkResponse({ type: OpenAiEmbeddingListDto })
  @ApiOpenAiErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async create(@Body() body: OpenAiEmbeddingsDto): Promise<OpenAiEmbeddingListDto> {
    const input = kindOfInput(body.input);
    const texts = input.kind === 'texts' ? input.texts : textsOfTokenIds(input.lists, input.single);
    const model = body.model === 'default' ? undefined : body.model;
    if (body.dimensions !== undefined) await this.checkDimensions(body.model, body.dimensions);
    const result = await embedInBatches(this.embeddings, texts, model);
    const base64 = body.encoding_format === 'base64';
    // Token ids count as themselves; text in words, as the platform's embedding routes count it.
    const tokens =
      input.kind === 'tokens'
        ? input.lists.reduce((sum, ids) => sum + ids.length, 0)
        : countTokens(texts);
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

  /**
   * The embedding service has no way to shorten a model's vectors (cutting them is only sound
   * for models trained for it), so `dimensions` may only ask for the model's own size.
   */
  private async checkDimensions(requested: string, dimensions: number): Promise<void> {
    const models = await this.embeddings.request(Subject.EmbeddingModels, {});
    const model = models.find((m) => (requested === 'default' ? m.default : m.name === requested));
    if (model === undefined || model.dimension === dimensions) return;
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `Model ${requested} does not support dimensions: its embeddings have ${model.dimension} dimensions and cannot be shortened`,
      { field: 'dimensions', model: requested, dimension: model.dimension },
    );
  }
}
