import { ErrorCode, HTTP_STATUS_BY_CODE, isErrorCode } from './error-code';
import { PlatformError } from './platform-error';

describe('error contract', () => {
  it('maps every error code to a 4xx or 5xx status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(HTTP_STATUS_BY_CODE[code]).toBeGreaterThanOrEqual(400);
      expect(HTTP_STATUS_BY_CODE[code]).toBeLessThan(600);
    }
  });

  it('survives a JSON round trip across NATS', () => {
    const error = new PlatformError(ErrorCode.RateLimited, 'slow down', { retryAfterSeconds: 3 });
    const revived = PlatformError.fromPayload(JSON.parse(JSON.stringify(error.toPayload())));
    expect(revived).toEqual(error);
    expect(revived?.details).toEqual({ retryAfterSeconds: 3 });
  });

  it('rejects payloads that are not platform errors', () => {
    expect(
      PlatformError.fromPayload({ status: 'error', message: 'Internal server error' }),
    ).toBeUndefined();
    expect(
      PlatformError.fromPayload({ code: 'TEAPOT', message: 'short and stout' }),
    ).toBeUndefined();
    expect(PlatformError.fromPayload('Connection lost')).toBeUndefined();
    expect(isErrorCode('NOT_FOUND')).toBe(true);
  });
});
