import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LOGGER, type Logger } from '@aip/platform';
import type { Permission } from '@aip/rbac';
import { identifiedCall, type IdentifiedCall } from '../auth/identified-call';
import { UsageService } from './usage.service';

/** Permissions whose routes change state: every call to them is written to the audit log. */
const AUDITED: readonly Permission[] = [
  'vectors:insert',
  'vectors:update',
  'vectors:delete',
  'collections:manage',
  'snapshots:create',
  'admin',
];

/**
 * Accounts every identified request when its response is finished (so the final status is
 * what gets recorded), and writes an audit line for admin actions and writes: who, what,
 * which collection, outcome. It never refuses a call; it is a guard rather than an interceptor
 * because it must run right after authentication, so that the 403s and 429s of the guards
 * after it are accounted too.
 */
@Injectable()
export class AuditTrailGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly usage: UsageService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const call = identifiedCall(this.reflector, context);
    if (call) this.track(call);
    return true;
  }

  private track({ request, response, principal, access }: IdentifiedCall): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const status = response.statusCode;
      this.usage.record(
        principal.id,
        status >= 400,
        Number(process.hrtime.bigint() - started) / 1e9,
      );
      if (access.kind !== 'permission' || !AUDITED.includes(access.permission)) return;
      const body = request.body as { collection?: unknown } | undefined;
      this.logger.info(
        {
          audit: true,
          actor: principal.id,
          actorKind: principal.kind,
          tenant: principal.tenant,
          action: `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`,
          collection:
            request.params?.['name'] ?? request.params?.['collection'] ?? body?.collection,
          outcome: status,
        },
        'audit',
      );
    });
  }
}
