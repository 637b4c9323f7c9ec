import type { Request } from 'express';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { Principal } from '@aip/rbac';

/** The credential of a request: `Authorization: Bearer <key or JWT>` or `X-API-Key: <key>`. */
export function credentialOf(request: Request): string | undefined {
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.length > 0) return apiKey.trim();
  const authorization = request.headers.authorization;
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/** Refused alike by the authentication guard and by any guard that finds no caller after it. */
export function credentialsRequired(): PlatformError {
  return new PlatformError(
    ErrorCode.Unauthenticated,
    'Credentials required: send Authorization: Bearer <key or token> or X-API-Key',
  );
}

/** Requests carry their principal from the authentication guard to everything after it. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}
