import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  decodeProtectedHeader,
  importSPKI,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { ROLES, type Role } from '../permissions';

export interface JwtSettings {
  /** HS256 shared secret. */
  secret?: string;
  /** RS256 public key (PEM file). */
  publicKeyFile?: string;
  /** RS256 keys (JWKS file), chosen by the token's `kid`. */
  jwksFile?: string;
  issuer?: string;
  audience?: string;
  /**
   * Longest a token may live, from its `iat` (or from now, without one) to its `exp`; 0 for no
   * limit. A token without `exp` is refused either way: a leaked one would work forever.
   */
  maxLifetimeSeconds: number;
}

export interface TokenClaims {
  subject: string;
  role: Role;
  tenant?: string;
  collections?: string[];
}

export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** Verifies bearer JWTs (HS256 or RS256) and reads the platform's claims from them. */
export class JwtVerifier {
  private constructor(
    private readonly settings: JwtSettings,
    private readonly hmacKey: Uint8Array | undefined,
    private readonly rsaKey: Awaited<ReturnType<typeof importSPKI>> | undefined,
    private readonly jwks: JWTVerifyGetKey | undefined,
  ) {}

  static async create(settings: JwtSettings): Promise<JwtVerifier | undefined> {
    if (!settings.secret && !settings.publicKeyFile && !settings.jwksFile) return undefined;
    const hmacKey = settings.secret ? new TextEncoder().encode(settings.secret) : undefined;
    const rsaKey = settings.publicKeyFile
      ? await importSPKI(readFileSync(settings.publicKeyFile, 'utf8'), 'RS256')
      : undefined;
    const jwks = settings.jwksFile
      ? createLocalJWKSet(JSON.parse(readFileSync(settings.jwksFile, 'utf8')) as JSONWebKeySet)
      : undefined;
    return new JwtVerifier(settings, hmacKey, rsaKey, jwks);
  }

  /** Whether a bearer credential looks like a JWT rather than an API key. */
  static looksLikeJwt(credential: string): boolean {
    return credential.split('.').length === 3 && credential.startsWith('ey');
  }

  async verify(token: string): Promise<TokenClaims> {
    let payload: JWTPayload;
    try {
      const { alg } = decodeProtectedHeader(token);
      const options = { issuer: this.settings.issuer, audience: this.settings.audience };
      if (alg === 'HS256' && this.hmacKey) {
        payload = (await jwtVerify(token, this.hmacKey, { ...options, algorithms: ['HS256'] }))
          .payload;
      } else if (alg === 'RS256' && this.rsaKey) {
        payload = (await jwtVerify(token, this.rsaKey, { ...options, algorithms: ['RS256'] }))
          .payload;
      } else if (alg === 'RS256' && this.jwks) {
        payload = (await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256'] }))
          .payload;
      } else {
        throw new InvalidTokenError(`tokens signed with ${String(alg)} are not accepted`);
      }
    } catch (error) {
      if (error instanceof InvalidTokenError) throw error;
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    checkLifetime(payload, this.settings.maxLifetimeSeconds);
    return readClaims(payload);
  }
}

function checkLifetime(payload: JWTPayload, maxLifetimeSeconds: number): void {
  if (typeof payload.exp !== 'number')
    throw new InvalidTokenError('token has no exp claim: tokens must expire');
  if (maxLifetimeSeconds === 0) return;
  const issued = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
  if (payload.exp - issued > maxLifetimeSeconds)
    throw new InvalidTokenError(
      `token lives ${Math.round(payload.exp - issued)} s; at most ${maxLifetimeSeconds} s are accepted`,
    );
}

function readClaims(payload: JWTPayload): TokenClaims {
  const role = payload['role'];
  if (!ROLES.includes(role as Role))
    throw new InvalidTokenError(`token claim role must be one of ${ROLES.join(', ')}`);
  if (typeof payload.sub !== 'string' || payload.sub.length === 0)
    throw new InvalidTokenError('token has no sub claim');
  const tenant = payload['tenant'] ?? payload['tenant_id'];
  const collections = payload['collections'];
  if (tenant !== undefined && typeof tenant !== 'string')
    throw new InvalidTokenError('token claim tenant must be a string');
  if (
    collections !== undefined &&
    (!Array.isArray(collections) || !collections.every((c) => typeof c === 'string'))
  ) {
    throw new InvalidTokenError('token claim collections must be a list of strings');
  }
  return {
    subject: payload.sub,
    role: role as Role,
    tenant: tenant as string | undefined,
    collections: collections as string[] | undefined,
  };
}
