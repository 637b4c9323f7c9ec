import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import { Reflector } from '@nestjs/core';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { hasPermission, mayUseCollection, type Principal } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { RequestRateLimits } from '../traffic/request-rate-limits.service';
import { AuditTrail } from '../usage/audit-trail.service';
import { Authenticator } from './authenticator.service';
import { credentialOf, type AuthenticatedRequest } from './credentials';
import { handlerTargets, routeAccess } from './route-access';

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
 * Every HTTP route passes here: public routes open, others need a credential and the
 * permission they declare, within the caller's collection scope and rate limits. A route that
 * declares nothing is refused (fail closed).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly config: GatewayConfig,
    private readonly audit: AuditTrail,
    private readonly rateLimits: RequestRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = routeAccess(this.reflector, handlerTargets(context));
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (access.kind === 'undeclared') {
      throw new PlatformError(
        ErrorCode.Forbidden,
        'This route declares no permission and is closed',
      );
    }
    const principal = await this.principalOf(request);
    const response = context.switchToHttp().getResponse<Response>();
    request.principal = principal;
    this.audit.track(request, response, principal, access);
    if (access.kind === 'permission' && !hasPermission(principal, access.permission)) {
      throw new PlatformError(
        ErrorCode.Forbidden,
        `Permission ${access.permission} is required; role ${principal.role} lacks it`,
        {
          permission: access.permission,
          role: principal.role,
        },
      );
    }
    for (const collection of collectionsNamed(request)) {
      if (!mayUseCollection(principal, collection)) {
        throw new PlatformError(
          ErrorCode.Forbidden,
          `This key may not use collection ${collection}`,
          { collection },
        );
      }
    }
    await this.rateLimits.enforce(principal, response);
    return true;
  }

  private async principalOf(request: AuthenticatedRequest): Promise<Principal> {
    if (this.config.GATEWAY_AUTH_MODE === 'disabled') {
      return { id: 'auth-disabled', kind: 'auth-disabled', role: 'admin', permissions: ['admin'] };
    }
    const credential = credentialOf(request);
    if (!credential) {
      throw new PlatformError(
        ErrorCode.Unauthenticated,
        'Credentials required: send Authorization: Bearer <key or token> or X-API-Key',
      );
    }
    return this.authenticator.authenticate(credential);
  }
}
