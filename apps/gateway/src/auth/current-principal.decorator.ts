import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@aip/rbac';
import type { AuthenticatedRequest } from './credentials';

/** The caller established by the auth guard. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal!,
);
