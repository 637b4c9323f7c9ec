import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { LOGGER, type Logger } from '@aip/platform';
import type { Permission, Principal } from '@aip/rbac';
import type { AuthenticatedRequest } from '../auth/credentials';
import type { RouteAccess } from '../auth/route-access';
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
 * Accounts every identified request when its response is finished (so the final status,
 * including 403 and 429 from later checks, is what gets recorded), and writes an audit line
 * for admin actions and writes: who, what, which collection, outcome.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly usage: UsageService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  track(
    request: AuthenticatedRequest,
    response: Response,
    principal: Principal,
    access: RouteAccess,
  ): void {
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
