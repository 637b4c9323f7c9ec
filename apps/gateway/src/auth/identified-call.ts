import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { Principal } from '@aip/rbac';
import { credentialsRequired, type AuthenticatedRequest } from './credentials';
import { handlerTargets, routeAccess, type RouteAccess } from './route-access';

/** An HTTP call to a protected route, with the caller the authentication guard established. */
export interface IdentifiedCall {
  request: AuthenticatedRequest;
  response: Response;
  principal: Principal;
  access: Exclude<RouteAccess, { kind: 'public' }>;
}

/**
 * What the guards after authentication check, or undefined where there is nothing to check
 * (not HTTP, or a public route). A protected route reached without a caller is refused, so a
 * guard registered before the authentication guard fails closed instead of letting calls by.
 */
export function identifiedCall(
  reflector: Reflector,
  context: ExecutionContext,
): IdentifiedCall | undefined {
  if (context.getType() !== 'http') return undefined;
  const access = routeAccess(reflector, handlerTargets(context));
  if (access.kind === 'public') return undefined;
  const http = context.switchToHttp();
  const request = http.getRequest<AuthenticatedRequest>();
  if (!request.principal) throw credentialsRequired();
  return { request, response: http.getResponse<Response>(), principal: request.principal, access };
}
