import { ApiKeyInputError, isExpired, parseKeySettings, publicView } from './api-key-record';
import { hashApiKey, issueApiKey, parseApiKey, verifyApiKey } from './api-key-secret';

describe('API keys', () => {
  it('issues keys that carry their id and verify against their salted hash only', () => {
    const { id, key } = issueApiKey();
    expect(parseApiKey(key)?.id).toBe(id);
    const hash = hashApiKey(key);
    expect(hash).not.toContain(key);
    expect(hash).not.toContain(parseApiKey(key)!.secret);
    expect(verifyApiKey(key, hash)).toBe(true);
    expect(verifyApiKey(issueApiKey().key, hash)).toBe(false);
    expect(verifyApiKey(key, 'sha256$nope')).toBe(false);
  });

  it('salts: the same key hashes differently each time', () => {
    const { key } = issueApiKey();
    expect(hashApiKey(key)).not.toBe(hashApiKey(key));
  });

  it('rejects strings that are not platform keys', () => {
    expect(parseApiKey('Bearer x')).toBeUndefined();
    expect(parseApiKey('aip_zz_abc')).toBeUndefined();
  });

  it('validates key settings and names the bad field', () => {
    expect(
      parseKeySettings(
        {
          role: 'reader',
          tenant: 'acme',
          collections: ['docs'],
          rate_limit: { requests_per_minute: 5 },
        },
        'keys[0]',
      ),
    ).toEqual({
      role: 'reader',
      tenant: 'acme',
      collections: ['docs'],
      rateLimits: { requestsPerMinute: 5, tokensPerMinute: undefined },
      name: undefined,
      expiresAt: undefined,
    });
    expect(() => parseKeySettings({ role: 'root' }, 'keys[1]')).toThrow(
      new ApiKeyInputError('keys[1].role must be one of reader, writer, operator, admin'),
    );
    expect(() => parseKeySettings({ role: 'reader', expires_at: 'soon' }, 'body')).toThrow(
      'body.expires_at must be an ISO 8601 date-time',
    );
    expect(() =>
      parseKeySettings({ role: 'reader', rate_limit: { requests_per_minute: 0 } }, 'body'),
    ).toThrow('requests_per_minute');
  });

  it('expires keys at their expiry instant and never lists hashes', () => {
    expect(isExpired({ expiresAt: new Date(Date.now() - 1000).toISOString() })).toBe(true);
    expect(isExpired({ expiresAt: new Date(Date.now() + 60_000).toISOString() })).toBe(false);
    expect(isExpired({})).toBe(false);
    const view = publicView({
      id: 'a',
      role: 'reader',
      hash: 'sha256$s$h',
      createdAt: 'now',
      source: 'runtime',
    });
    expect(view).not.toHaveProperty('hash');
  });
});
