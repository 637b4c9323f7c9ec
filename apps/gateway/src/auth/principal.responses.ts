import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PERMISSIONS, ROLES, type Permission, type Principal, type Role } from '@aip/rbac';
import { RateLimitsView } from './api-key.responses';

const PRINCIPAL_KINDS = ['api-key', 'jwt', 'bootstrap-admin', 'auth-disabled'] as const;

/** The caller as the gateway sees it, from `GET /api/v1/auth/whoami`. */
export class PrincipalView implements Principal {
  @ApiProperty({ description: 'Key id or token subject, never the secret' })
  id!: string;

  @ApiProperty({ enum: PRINCIPAL_KINDS })
  kind!: (typeof PRINCIPAL_KINDS)[number];

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  permissions!: Permission[];

  @ApiPropertyOptional({ description: 'Every read and write is confined to this tenant' })
  tenant?: string;

  @ApiPropertyOptional({ type: [String], description: 'The only collections the caller may use' })
  collections?: string[];

  @ApiPropertyOptional({ type: RateLimitsView })
  rateLimits?: RateLimitsView;
}
