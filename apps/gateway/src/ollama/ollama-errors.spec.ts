import { ErrorCode, PlatformError } from '@aip/contracts';
import { ollamaErrorOf } from './ollama-errors';

describe('Ollama error replies', () => {
  it("answers an unknown model 404 in Ollama's words, naming the model as the client did", () => {
    const fromInference = new PlatformError(
      ErrorCode.NotFound,
      'Unknown model nope; configured: default',
      {
        model: 'nope',
        models: ['default'],
      },
    );
    expect(ollamaErrorOf(fromInference, 'nope:latest')).toEqual({
      status: 404,
      body: { error: 'model "nope:latest" not found, try pulling it first' },
    });
    expect(ollamaErrorOf(fromInference).body.error).toBe(
      'model "nope" not found, try pulling it first',
    );
  });

  it('keeps the status and message of every other error, without the platform envelope', () => {
    expect(ollamaErrorOf(new PlatformError(ErrorCode.Unauthenticated, 'Invalid API key'))).toEqual({
      status: 401,
      body: { error: 'Invalid API key' },
    });
    expect(
      ollamaErrorOf(new PlatformError(ErrorCode.NotFound, 'No such job', { id: 'x' })),
    ).toEqual({ status: 404, body: { error: 'No such job' } });
    expect(ollamaErrorOf(new PlatformError(ErrorCode.ModelNotLoaded, 'still loading')).status).toBe(
      503,
    );
  });

  it('tells a rate-limited client when to retry', () => {
    const limited = new PlatformError(ErrorCode.RateLimited, 'Rate limit exceeded', {
      retryAfterSeconds: 1.2,
    });
    expect(ollamaErrorOf(limited)).toEqual({
      status: 429,
      body: { error: 'Rate limit exceeded' },
      retryAfterSeconds: 2,
    });
  });
});
