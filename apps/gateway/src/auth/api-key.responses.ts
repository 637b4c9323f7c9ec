import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type ApiKeyRecord, type RateLimits, type Role } from '@aip/rbac';

const KEY_SOURCES = ['file', 'runtime', 'bootstrap'] as const;

/** A key's own limits; the gateway's defaults apply where one is absent. */
export class RateLimitsView implements RateLimits {
  @ApiPropertyOptional()
  requestsPerMinute?: number;

  @ApiPropertyOptional()
  tokensPerMinute?: number;
}

/** What the gateway shows of an API key: never the key or its hash. */
export class ApiKeyView implements Omit<ApiKeyRecord, 'hash'> {
  @ApiProperty()
  id!: string;

  @ApiPropertyOptional()
  name?: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiPropertyOptional({ description: 'The one tenant the key is confined to' })
  tenant?: string;

  @ApiPropertyOptional({ type: [String], description: 'The only collections the key may use' })
  collections?: string[];

  @ApiPropertyOptional({ type: RateLimitsView })
  rateLimits?: RateLimitsView;

  @ApiPropertyOptional({ format: 'date-time' })
  expiresAt?: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    enum: KEY_SOURCES,
    description: 'file: GATEWAY_KEYS_FILE; runtime: created here; bootstrap: GATEWAY_ADMIN_KEY',
  })
  source!: (typeof KEY_SOURCES)[number];
}

export class CreatedApiKeyDto extends ApiKeyView {
  @ApiProperty({ description: 'The key itself: shown only in this response, never stored' })
  key!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyView] })
  keys!: ApiKeyView[];
}
