import { isUtf8 } from 'node:buffer';
import { ErrorCode, PlatformError } from '@aip/contracts';

/**
 * Refuses a JSON body whose bytes are not UTF-8 (RFC 8259 §8.1), before it is decoded: the
 * decoder replaces each bad byte with U+FFFD, so a client's mis-encoded text would otherwise be
 * stored, embedded and searched with its characters silently lost. `charset` is the one of the
 * Content-Type header (utf-8 when it names none).
 */
export function assertUtf8Body(body: Buffer, charset: string): void {
  if (charset !== 'utf-8') {
    throw new PlatformError(
      ErrorCode.MalformedJson,
      `Request body must be JSON in UTF-8, not ${charset}`,
    );
  }
  if (!isUtf8(body)) {
    throw new PlatformError(ErrorCode.MalformedJson, 'Request body is not valid UTF-8');
  }
}
