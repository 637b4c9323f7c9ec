import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { Principal } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { Authenticator } from './authenticator.service';
import { credentialOf, credentialsRequired, type AuthenticatedRequest } from './credentials';
import { handlerTargets, routeAccess } from './route-access';

/**
 * The first of the gateway's guards: public routes open, a route that declares no access is
 * refused (fail closed), and every other route needs a credential. The caller it names is put
 * on the request for the guards and handlers after this one.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const access = routeAccess(this.reflector, handlerTargets(context));
    if (access.kind === 'public') return true;
    if (access.kind === 'undeclared') {
      throw new PlatformError(
        ErrorCode.Forbidden,
        'This route declares no permission and is closed',
      );
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.principalOf(request);
    return true;
  }

  private async principalOf(request: AuthenticatedRequest): Promise<Principal> {
    if (this.config.GATEWAY_AUTH_MODE === 'disabled') {
      return { id: 'auth-disabled', kind: 'auth-disabled', role: 'admin', permissions: ['admin'] };
    }
    const credential = credentialOf(request);
    if (!credential) throw credentialsRequired();
    return this.authenticator.authenticate(credential);
  }
}
