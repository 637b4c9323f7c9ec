import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { httpStatusOf, toPlatformError } from './to-platform-error';

describe('toPlatformError', () => {
  it('keeps a PlatformError and one that crossed NATS as a plain object', () => {
    const original = new PlatformError(ErrorCode.Conflict, 'exists', { name: 'docs' });
    expect(toPlatformError(original)).toBe(original);
    const revived = toPlatformError(JSON.parse(JSON.stringify(original.toPayload())));
    expect(revived).toBeInstanceOf(PlatformError);
    expect(revived.toPayload()).toEqual({
      code: 'CONFLICT',
      message: 'exists',
      details: { name: 'docs' },
    });
    expect(httpStatusOf(revived)).toBe(409);
  });

  it('maps Nest HTTP exceptions to codes', () => {
    expect(toPlatformError(new NotFoundException('Cannot GET /x')).code).toBe(ErrorCode.NotFound);
    const validation = toPlatformError(
      new BadRequestException(['a must be a string', 'b is missing']),
    );
    expect(validation.code).toBe(ErrorCode.ValidationFailed);
    expect(validation.details).toEqual({ problems: ['a must be a string', 'b is missing'] });
  });

  it('maps body parser failures to 400 and 413 with the limit', () => {
    const tooLarge = toPlatformError({ type: 'entity.too.large', status: 413, limit: 1024 });
    expect(tooLarge.code).toBe(ErrorCode.PayloadTooLarge);
    expect(tooLarge.message).toContain('1024 bytes');
    expect(httpStatusOf(tooLarge)).toBe(413);
    expect(toPlatformError({ type: 'entity.parse.failed', status: 400 }).code).toBe(
      ErrorCode.MalformedJson,
    );
  });

  it('hides the text of unknown errors', () => {
    const error = toPlatformError(new Error('password=hunter2 at db.ts:12'));
    expect(error.code).toBe(ErrorCode.Internal);
    expect(error.message).toBe('Internal error');
    expect(httpStatusOf(error)).toBe(500);
  });
});
