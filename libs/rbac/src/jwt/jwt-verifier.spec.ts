import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { InvalidTokenError, JwtVerifier } from './jwt-verifier';

const dir = mkdtempSync(join(tmpdir(), 'jwt-'));
const SECRET = 'test-secret-of-enough-length-123456';
const DAY = 24 * 3600;

function sign(
  claims: Record<string, unknown>,
  alg: 'HS256' | 'RS256',
  key: Parameters<SignJWT['sign']>[0],
  kid?: string,
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setSubject('user-1')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

describe('JwtVerifier', () => {
  it('accepts HS256 tokens with the secret and reads role, tenant and collections', async () => {
    const verifier = (await JwtVerifier.create({ secret: SECRET, maxLifetimeSeconds: DAY }))!;
    const token = await sign(
      { role: 'writer', tenant: 'acme', collections: ['docs'] },
      'HS256',
      new TextEncoder().encode('test-secret-of-enough-length-123456'),
    );
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'user-1',
      role: 'writer',
      tenant: 'acme',
      collections: ['docs'],
    });
    const forged = await sign(
      { role: 'admin' },
      'HS256',
      new TextEncoder().encode('another-secret-of-enough-length-xx'),
    );
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('accepts RS256 tokens with a PEM public key and with a JWKS file', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    writeFileSync(join(dir, 'public.pem'), await exportSPKI(publicKey));
    writeFileSync(
      join(dir, 'jwks.json'),
      JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] }),
    );
    const token = await sign({ role: 'reader' }, 'RS256', privateKey, 'k1');
    const byPem = (await JwtVerifier.create({
      maxLifetimeSeconds: DAY,
      publicKeyFile: join(dir, 'public.pem'),
    }))!;
    const byJwks = (await JwtVerifier.create({
      maxLifetimeSeconds: DAY,
      jwksFile: join(dir, 'jwks.json'),
    }))!;
    await expect(byPem.verify(token)).resolves.toMatchObject({ role: 'reader' });
    await expect(byJwks.verify(token)).resolves.toMatchObject({ role: 'reader' });
  });

  it('rejects tokens without a valid role, with the wrong issuer, or signed with an algorithm not configured', async () => {
    const secret = new TextEncoder().encode('test-secret-of-enough-length-123456');
    const verifier = (await JwtVerifier.create({
      secret: SECRET,
      issuer: 'platform',
      maxLifetimeSeconds: DAY,
    }))!;
    await expect(verifier.verify(await sign({ role: 'root' }, 'HS256', secret))).rejects.toThrow();
    await expect(
      verifier.verify(
        await new SignJWT({ role: 'reader' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u')
          .setIssuer('elsewhere')
          .sign(secret),
      ),
    ).rejects.toThrow();
    const { privateKey } = await generateKeyPair('RS256');
    await expect(
      verifier.verify(await sign({ role: 'reader' }, 'RS256', privateKey)),
    ).rejects.toThrow('RS256');
  });

  it('is not configured without a secret, key or JWKS', async () => {
    await expect(JwtVerifier.create({ maxLifetimeSeconds: DAY })).resolves.toBeUndefined();
  });

  it('refuses tokens without exp, and tokens living longer than the maximum', async () => {
    const key = new TextEncoder().encode(SECRET);
    const verifier = (await JwtVerifier.create({ secret: SECRET, maxLifetimeSeconds: DAY }))!;
    const forever = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .sign(key);
    await expect(verifier.verify(forever)).rejects.toThrow(
      'token has no exp claim: tokens must expire',
    );
    const year = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('365d')
      .sign(key);
    await expect(verifier.verify(year)).rejects.toThrow(`at most ${DAY} s are accepted`);
    const unlimited = (await JwtVerifier.create({ secret: SECRET, maxLifetimeSeconds: 0 }))!;
    await expect(unlimited.verify(year)).resolves.toMatchObject({ role: 'admin' });
    await expect(unlimited.verify(forever)).rejects.toThrow('no exp claim');
  });
});
