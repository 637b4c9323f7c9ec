import { ErrorCode, PlatformError } from '@aip/contracts';
import { openAiErrorOf, openAiParamOf } from './openai-errors';

describe("platform errors in OpenAI's shape", () => {
  it('names the field of a validation error as param, list indexes in brackets', () => {
    const error = new PlatformError(ErrorCode.ValidationFailed, 'role must be one of: system', {
      problems: [
        { field: 'messages.1.role', problem: 'role must be one of: system' },
        { field: 'temperature', problem: 'temperature must be at most 2' },
      ],
    });
    expect(openAiErrorOf(error)).toEqual({
      status: 400,
      body: {
        error: {
          message: 'role must be one of: system',
          type: 'invalid_request_error',
          param: 'messages[1].role',
          code: null,
        },
      },
    });
  });

  it('spells nested list indexes and leaves a plain field as it is', () => {
    expect(openAiParamOf('messages.0.content.12')).toBe('messages[0].content[12]');
    expect(openAiParamOf('response_format.json_schema.schema')).toBe(
      'response_format.json_schema.schema',
    );
    expect(openAiParamOf('max_tokens')).toBe('max_tokens');
  });

  it('answers an unknown model as OpenAI does, with the model as the client named it', () => {
    const error = new PlatformError(ErrorCode.NotFound, 'Unknown model nope; configured: tiny', {
      model: 'nope',
      models: ['tiny'],
    });
    expect(openAiErrorOf(error, 'nope')).toEqual({
      status: 404,
      body: {
        error: {
          message: 'The model `nope` does not exist or you do not have access to it.',
          type: 'invalid_request_error',
          param: 'model',
          code: 'model_not_found',
        },
      },
    });
  });

  it('keeps a not-found that is not about a model a plain 404', () => {
    const reply = openAiErrorOf(new PlatformError(ErrorCode.NotFound, 'No such job'));
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({
      message: 'No such job',
      type: 'invalid_request_error',
      param: null,
      code: null,
    });
  });

  it('answers a missing or wrong key as an authentication error, a missing permission as a permission error', () => {
    const unauthenticated = openAiErrorOf(
      new PlatformError(ErrorCode.Unauthenticated, 'Invalid API key'),
    );
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body.error).toMatchObject({
      type: 'authentication_error',
      code: 'invalid_api_key',
    });
    const forbidden = openAiErrorOf(new PlatformError(ErrorCode.Forbidden, 'needs generate:text'));
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.type).toBe('permission_error');
  });

  it('answers a rate limit with 429, rate_limit_exceeded and the wait, of type tokens for a token budget', () => {
    const requests = openAiErrorOf(
      new PlatformError(ErrorCode.RateLimited, 'Rate limit of 5 requests per minute exceeded', {
        limit: 5,
        retryAfterSeconds: 2.2,
      }),
    );
    expect(requests).toMatchObject({
      status: 429,
      retryAfterSeconds: 3,
      body: { error: { type: 'requests', code: 'rate_limit_exceeded' } },
    });
    const tokens = openAiErrorOf(
      new PlatformError(ErrorCode.RateLimited, 'Generation limit of 10 tokens per minute', {
        limit: 10,
        requested: 8,
        remaining: 2,
        retryAfterSeconds: 30,
      }),
    );
    expect(tokens.body.error).toMatchObject({ type: 'tokens', code: 'rate_limit_exceeded' });
  });

  it('answers what failed on the server side as server errors with their status', () => {
    const cases: [ErrorCode, number, string | null][] = [
      [ErrorCode.ModelNotLoaded, 503, 'model_not_loaded'],
      [ErrorCode.ServiceUnavailable, 503, 'service_unavailable'],
      [ErrorCode.Timeout, 504, 'timeout'],
      [ErrorCode.Internal, 500, null],
    ];
    for (const [code, status, openAiCode] of cases) {
      const reply = openAiErrorOf(new PlatformError(code, 'down'));
      expect(reply.status).toBe(status);
      expect(reply.body.error).toEqual({
        message: 'down',
        type: 'server_error',
        param: null,
        code: openAiCode,
      });
    }
  });
});
