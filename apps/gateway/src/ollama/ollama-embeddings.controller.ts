import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '@aip/rbac';
import { EmbeddingClient } from '../clients/embedding.client';
import { countTokens } from '../embeddings/word-count';
import { OllamaCatalog } from './ollama-catalog.service';
import { OllamaEmbeddingsDto, OllamaEmbedDto } from './ollama-embeddings.dto';
import { OllamaEmbeddingResultDto, OllamaEmbedResultDto } from './ollama-embeddings.responses';
import { ApiOllamaErrors } from './ollama-error.responses';
import { requestedModelOf } from './ollama-model-names';
import { ollamaVectorOf } from './ollama-vectors';

const nanosecondsSince = (started: bigint): number => Number(process.hrtime.bigint() - started);

/** Ollama's `/api/embed` and its legacy `/api/embeddings`, over the embedding service. */
@ApiTags('ollama')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api')
export class OllamaEmbeddingsController {
  constructor(
    private readonly embeddings: EmbeddingClient,
    private readonly catalog: OllamaCatalog,
  ) {}

  @Post('embed')
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'Ollama-compatible embeddings: input string or list → embeddings' })
  @ApiOkResponse({ type: OllamaEmbedResultDto })
  @ApiOllamaErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async embed(@Body() body: OllamaEmbedDto): Promise<OllamaEmbedResultDto> {
    const started = process.hrtime.bigint();
    // As in Ollama, an empty string given alone is nothing to embed; a list is embedded as it is.
    const input = body.input;
    const texts = typeof input === 'string' ? (input === '' ? [] : [input]) : input;
    const vectors = await this.vectorsOf(body.model, texts);
    return {
      model: body.model,
      embeddings: vectors.map((vector) => ollamaVectorOf(vector, body.dimensions)),
      total_duration: nanosecondsSince(started),
      load_duration: 0,
      prompt_eval_count: countTokens(texts),
    };
  }

  @Post('embeddings')
  @HttpCode(200)
  @RequirePermission('generate:text')
  @ApiOperation({ summary: 'Ollama-compatible legacy embeddings: prompt → embedding' })
  @ApiOkResponse({ type: OllamaEmbeddingResultDto })
  @ApiOllamaErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async embeddingsLegacy(@Body() body: OllamaEmbeddingsDto): Promise<OllamaEmbeddingResultDto> {
    const [vector] = await this.vectorsOf(body.model, body.prompt === '' ? [] : [body.prompt]);
    return { embedding: vector === undefined ? [] : Array.from(vector) };
  }

  /** Nothing to embed still names a model, which must exist, as in Ollama. */
  private async vectorsOf(model: string, texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) {
      await this.catalog.find(model);
      return [];
    }
    return (await this.embeddings.embed(texts, requestedModelOf(model))).vectors;
  }
}
