import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { TimeoutError, firstValueFrom, NEVER, timeout } from 'rxjs';
import { ErrorCode } from '@aip/contracts';
import { toClientError } from './service-client';

describe('toClientError', () => {
  it('turns a timeout into SERVICE_UNAVAILABLE naming the service, subject and time limit', async () => {
    const timedOut = await firstValueFrom(NEVER.pipe(timeout({ first: 5 }))).catch(
      (e: unknown) => e,
    );
    expect(timedOut).toBeInstanceOf(TimeoutError);
    const error = toClientError(timedOut, 'vector', 'vector.health.v1', 5);
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toBe('Service vector did not answer vector.health.v1 within 5 ms');
    expect(error.details).toEqual({ service: 'vector', subject: 'vector.health.v1' });
  });

  it('turns "no responders" into SERVICE_UNAVAILABLE saying the service is not running', () => {
    const error = toClientError(
      new EmptyResponseException('inference.health.v1'),
      'inference',
      'inference.health.v1',
      5000,
    );
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toContain('inference is not running');
  });

  it('turns a lost bus connection (rejected as a string) into SERVICE_UNAVAILABLE', () => {
    const error = toClientError(
      'Error: Connection lost. Trying to reconnect...',
      'embedding',
      'embedding.health.v1',
      5000,
    );
    expect(error.code).toBe(ErrorCode.ServiceUnavailable);
    expect(error.message).toContain('message bus is down');
  });

  it('passes the callee own typed error through unchanged', () => {
    const error = toClientError(
      { code: 'MODEL_NOT_LOADED', message: 'no model configured' },
      'inference',
      'inference.generate.v1',
      5000,
    );
    expect(error.code).toBe(ErrorCode.ModelNotLoaded);
    expect(error.message).toBe('no model configured');
  });
});
