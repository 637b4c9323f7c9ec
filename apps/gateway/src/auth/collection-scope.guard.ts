import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { mayUseCollection } from '@aip/rbac';
import type { AuthenticatedRequest } from './credentials';
import { identifiedCall } from './identified-call';

/** Where a request names a collection: the path (`:name`), the query or the body (`collection`). */
function collectionsNamed(request: AuthenticatedRequest): string[] {
  const body = request.body as { collection?: unknown } | undefined;
  const query = request.query as { collection?: unknown } | undefined;
  return [
    request.params?.['name'],
    request.params?.['collection'],
    query?.collection,
    body?.collection,
  ].filter((value): value is string => typeof value === 'string');
}

/**
 * A collection-scoped caller may name only its own collections, wherever the request names
 * them. Checked before any handler runs, so a foreign collection is 403 whether it exists or not.
 */
@Injectable()
export class CollectionScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const call = identifiedCall(this.reflector, context);
    if (!call) return true;
    for (const collection of collectionsNamed(call.request)) {
      if (!mayUseCollection(call.principal, collection)) {
        throw new PlatformError(
          ErrorCode.Forbidden,
          `This key may not use collection ${collection}`,
          { collection },
        );
      }
    }
    return true;
  }
}
