import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ErrorCode, PlatformError } from '@aip/contracts';
import {
  InvalidTokenError,
  isExpired,
  JwtVerifier,
  loadRoleMapping,
  parseApiKey,
  verifyApiKey,
  type Principal,
  type RoleMapping,
} from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { KeyStore } from './key-store.service';

function unauthenticated(message: string): PlatformError {
  return new PlatformError(ErrorCode.Unauthenticated, message);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Turns a credential (API key, bootstrap admin key or JWT) into a Principal, or 401. */
@Injectable()
export class Authenticator implements OnModuleInit {
  private roles!: RoleMapping;
  private jwt: JwtVerifier | undefined;
  private readonly bootstrapDigest: Buffer | undefined;

  constructor(
    private readonly config: GatewayConfig,
    private readonly keys: KeyStore,
  ) {
    this.bootstrapDigest = config.GATEWAY_ADMIN_KEY ? sha256(config.GATEWAY_ADMIN_KEY) : undefined;
  }

  async onModuleInit(): Promise<void> {
    this.roles = loadRoleMapping(this.config.GATEWAY_ROLES_FILE);
    this.jwt = await JwtVerifier.create({
      secret: this.config.GATEWAY_JWT_SECRET,
      publicKeyFile: this.config.GATEWAY_JWT_PUBLIC_KEY_FILE,
      jwksFile: this.config.GATEWAY_JWT_JWKS_FILE,
      issuer: this.config.GATEWAY_JWT_ISSUER,
      audience: this.config.GATEWAY_JWT_AUDIENCE,
      maxLifetimeSeconds: this.config.GATEWAY_JWT_MAX_LIFETIME_SECONDS,
    });
  }

  get roleMapping(): RoleMapping {
    return this.roles;
  }

  async authenticate(credential: string): Promise<Principal> {
    // Digests of equal length make the comparison constant-time whatever the input length.
    if (this.bootstrapDigest && timingSafeEqual(sha256(credential), this.bootstrapDigest)) {
      return {
        id: 'bootstrap-admin',
        kind: 'bootstrap-admin',
        role: 'admin',
        permissions: this.roles.admin,
      };
    }
    if (JwtVerifier.looksLikeJwt(credential)) {
      if (!this.jwt)
        throw unauthenticated('Bearer tokens are not accepted: no JWT key is configured');
      try {
        const claims = await this.jwt.verify(credential);
        return {
          id: `jwt:${claims.subject}`,
          kind: 'jwt',
          role: claims.role,
          permissions: this.roles[claims.role],
          tenant: claims.tenant,
          collections: claims.collections,
        };
      } catch (error) {
        if (error instanceof InvalidTokenError)
          throw unauthenticated(`Invalid token: ${error.message}`);
        throw error;
      }
    }
    let record = this.keys.matchFileKey(credential);
    if (!record) {
      const parsed = parseApiKey(credential);
      const runtime = parsed ? await this.keys.findRuntime(parsed.id) : undefined;
      if (runtime && verifyApiKey(credential, runtime.hash)) record = runtime;
    }
    if (!record) throw unauthenticated('Invalid API key');
    if (isExpired(record))
      throw unauthenticated(`API key ${record.id} expired at ${record.expiresAt}`);
    return {
      id: record.id,
      kind: 'api-key',
      role: record.role,
      permissions: this.roles[record.role],
      tenant: record.tenant,
      collections: record.collections,
      rateLimits: record.rateLimits,
    };
  }
}
