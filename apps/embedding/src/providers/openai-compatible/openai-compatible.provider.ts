import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { EmbeddingProvider } from '../embedding-provider';
import type { OpenAiCompatibleOptions } from './openai-compatible.options';
import { PermanentError, postJsonWithRetries, retryDelay, TransientError } from './retrying-fetch';

/** The text embedded at init to learn the dimension. */
const PROBE_TEXT = 'dimension probe';
/** How far from 1 a vector's length may be and still count as normalised (float32 rounding). */
const UNIT_TOLERANCE = 1e-4;

interface EmbeddingsAnswer {
  data?: { index?: number; embedding?: unknown }[];
}

/**
 * Any OpenAI-compatible `/v1/embeddings` server (Ollama, TEI, vLLM, OpenAI, or this platform's
 * own gateway): batches split to `maxBatch` texts per request, each request with a timeout and
 * retries with backoff. Init waits for the server, trying again until it answers.
 */
export class OpenAiCompatibleProvider implements EmbeddingProvider {
  readonly kind = 'openai-compatible';
  readonly model: string;
  private known = 0;
  private ready = false;
  private readonly stopping = new AbortController();
  private loading?: Promise<void>;

  constructor(
    private readonly options: OpenAiCompatibleOptions,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.model = options.model;
  }

  get dimension(): number {
    return this.known;
  }

  /**
   * Learns the dimension (from the options, or by embedding a probe text), trying again with
   * backoff while the server is unreachable or busy: the server may start after this service.
   * A permanent failure (wrong key, unknown model) fails at once.
   */
  init(): Promise<void> {
    this.loading ??= this.waitForServer();
    return this.loading;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (!this.ready) {
      throw new PlatformError(
        ErrorCode.ModelNotLoaded,
        `Embedding model ${this.model} is not loaded`,
        {
          model: this.model,
        },
      );
    }
    const requests: Promise<Float32Array[]>[] = [];
    for (let start = 0; start < texts.length; start += this.options.maxBatch) {
      requests.push(this.request(texts.slice(start, start + this.options.maxBatch)));
    }
    return (await Promise.all(requests)).flat();
  }

  async dispose(): Promise<void> {
    this.stopping.abort();
    this.ready = false;
  }

  private async waitForServer(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const [probe] = await this.call([PROBE_TEXT]);
        if (this.options.dimension !== undefined && probe.length !== this.options.dimension) {
          throw new Error(
            `${this.options.baseUrl} gives ${probe.length} dimensions, not the configured ${this.options.dimension}`,
          );
        }
        this.known = probe.length;
        this.ready = true;
        return;
      } catch (error) {
        if (!(error instanceof TransientError) || this.stopping.signal.aborted) throw error;
        const wait = retryDelay(attempt, error.retryAfterMs);
        this.log(`${this.model}: ${error.message}; trying again in ${wait} ms`);
        await sleep(wait, undefined, { signal: this.stopping.signal });
      }
    }
  }

  private async request(texts: string[]): Promise<Float32Array[]> {
    try {
      const vectors = await this.call(texts);
      const wrong = vectors.find((v) => v.length !== this.known);
      if (wrong) {
        throw new PermanentError(`answered ${wrong.length} dimensions instead of ${this.known}`);
      }
      return vectors;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PlatformError(
        ErrorCode.ServiceUnavailable,
        `Embedding server of model ${this.model} failed: ${reason}`,
        { model: this.model, retryAfterSeconds: 5 },
      );
    }
  }

  /** One POST (with retries): the vectors in input order, L2-normalised. */
  private async call(texts: string[]): Promise<Float32Array[]> {
    const { baseUrl, model, apiKey, timeoutMs, retries } = this.options;
    const answer = await postJsonWithRetries<EmbeddingsAnswer>(
      `${baseUrl}/embeddings`,
      { model, input: texts, encoding_format: 'float' },
      {
        headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
        timeoutMs,
        retries,
        signal: this.stopping.signal,
      },
    );
    const data = Array.isArray(answer.data) ? answer.data : [];
    if (data.length !== texts.length) {
      throw new PermanentError(`answered ${data.length} embeddings for ${texts.length} texts`);
    }
    const vectors = new Array<Float32Array>(texts.length);
    data.forEach((item, position) => {
      const index = item.index ?? position;
      const embedding = item.embedding;
      if (
        !Array.isArray(embedding) ||
        embedding.length === 0 ||
        index < 0 ||
        index >= texts.length
      ) {
        throw new PermanentError(
          `answered an embedding that is not a list of numbers at ${position}`,
        );
      }
      vectors[index] = normalise(embedding as number[]);
    });
    return vectors;
  }
}

/**
 * L2-normalised: servers differ on whether they normalise. A vector already of unit length is
 * kept as sent, so a server that normalises gives exactly its own vectors.
 */
function normalise(values: number[]): Float32Array {
  const vector = Float32Array.from(values);
  let squares = 0;
  for (const value of vector) squares += value * value;
  const norm = Math.sqrt(squares);
  if (norm > 0 && Math.abs(norm - 1) > UNIT_TOLERANCE) {
    for (let d = 0; d < vector.length; d++) vector[d] /= norm;
  }
  return vector;
}
