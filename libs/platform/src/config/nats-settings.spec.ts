import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BaseConfig } from './base.config';
import { ConfigError, loadConfig } from './load-config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(BaseConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('NATS credential settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aip-nats-settings-'));
  const file = join(dir, 'user.creds');
  writeFileSync(file, 'creds');

  it('are all unset by default, and HTTP binds to loopback', () => {
    const config = loadConfig(BaseConfig, {});
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.NATS_USER).toBeUndefined();
    expect(config.NATS_CREDS_FILE).toBeUndefined();
    expect(config.NATS_TLS_CA_FILE).toBeUndefined();
  });

  it('accept a user with a password, a token, or readable files', () => {
    expect(problemsOf({ NATS_USER: 'svc', NATS_PASSWORD: 'pw' })).toEqual([]);
    expect(problemsOf({ NATS_TOKEN: 't0ken' })).toEqual([]);
    expect(problemsOf({ NATS_CREDS_FILE: file, NATS_TLS_CA_FILE: file })).toEqual([]);
    expect(problemsOf({ NATS_TLS_CERT_FILE: file, NATS_TLS_KEY_FILE: file })).toEqual([]);
  });

  it('refuse a user without a password, and a password without a user, naming both', () => {
    expect(problemsOf({ NATS_USER: 'svc' })).toEqual([
      'NATS_USER="svc": NATS_USER and NATS_PASSWORD go together: set both or neither',
    ]);
    // The password itself is never echoed back.
    expect(problemsOf({ NATS_PASSWORD: 'secret-pw' })).toEqual([
      'NATS_USER=(unset): NATS_USER and NATS_PASSWORD go together: set both or neither',
    ]);
  });

  it('refuse two ways of authenticating at once', () => {
    expect(problemsOf({ NATS_USER: 'svc', NATS_PASSWORD: 'pw', NATS_TOKEN: 't' })).toEqual([
      'NATS_USER="svc": NATS_USER cannot be combined with NATS_TOKEN: set one of them',
    ]);
    expect(problemsOf({ NATS_CREDS_FILE: file, NATS_NKEY_SEED_FILE: file })).toEqual([
      `NATS_CREDS_FILE="${file}": NATS_CREDS_FILE cannot be combined with NATS_NKEY_SEED_FILE: set one of them`,
    ]);
  });

  it('refuse a file that does not exist, and a client certificate without its key', () => {
    const missing = join(dir, 'missing.pem');
    expect(problemsOf({ NATS_TLS_CA_FILE: missing })).toEqual([
      `NATS_TLS_CA_FILE="${missing}": NATS_TLS_CA_FILE must name a readable file`,
    ]);
    expect(problemsOf({ NATS_NKEY_SEED_FILE: dir })).toEqual([
      `NATS_NKEY_SEED_FILE="${dir}": NATS_NKEY_SEED_FILE must name a readable file`,
    ]);
    expect(problemsOf({ NATS_TLS_CERT_FILE: file })).toEqual([
      `NATS_TLS_CERT_FILE="${file}": NATS_TLS_CERT_FILE and NATS_TLS_KEY_FILE go together: set both or neither`,
    ]);
  });
});
