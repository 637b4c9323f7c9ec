import type { Request } from 'express';
import type { Principal } from '@aip/rbac';

/** The credential of a request: `Authorization: Bearer <key or JWT>` or `X-API-Key: <key>`. */
export function credentialOf(request: Request): string | undefined {
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey.length > 0) return apiKey.trim();
  const authorization = request.headers.authorization;
  const match = authorization ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  return match?.[1];
}

/** Requests carry their principal from the guard to handlers and interceptors. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}
