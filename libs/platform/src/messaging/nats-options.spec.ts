import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, nkeys } from '@nats-io/transport-node';
import { BaseConfig } from '../config/base.config';
import { loadConfig } from '../config/load-config';
import { ManagedProcess } from '../local-run/child-process';
import { isPortOpen, releasePort, reservePort } from '../local-run/ports';
import { waitFor } from '../local-run/wait-for';
import { natsConnectionOptions } from './nats-options';

const dir = mkdtempSync(join(tmpdir(), 'aip-nats-auth-'));
// A refused connection takes the client a reconnect wait (1 s) to give up.
jest.setTimeout(30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface TestServer {
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** A real nats-server of this test's own, on a reserved port, with the given auth flags. */
async function startNats(args: string[]): Promise<TestServer> {
  const port = await reservePort();
  const server = new ManagedProcess({
    name: 'nats-server',
    command: 'nats-server',
    args: ['-a', '127.0.0.1', '-p', String(port), ...args],
    logFile: join(dir, `nats-${port}.log`),
  });
  server.start();
  await waitFor(async () => ((await isPortOpen('127.0.0.1', port)) ? true : undefined), {
    timeoutMs: 10_000,
    what: `nats-server on port ${port}`,
  });
  return {
    env: { NATS_URL: `nats://127.0.0.1:${port}` },
    stop: async () => {
      await server.stop(5000);
      releasePort(port);
    },
  };
}

/** Connects exactly as the apps do: settings through loadConfig, then the options builder. */
async function roundTrip(env: NodeJS.ProcessEnv, overrides: object = {}): Promise<number> {
  const config = loadConfig(BaseConfig, env);
  const connection = await connect({ ...natsConnectionOptions(config, 'auth-test'), ...overrides });
  try {
    return await connection.rtt();
  } finally {
    await connection.close();
  }
}

describe('NATS credentials through natsConnectionOptions (real nats-server)', () => {
  describe('a server with --user and --pass', () => {
    let nats: TestServer;
    beforeAll(async () => {
      nats = await startNats(['--user', 'svc', '--pass', 'right-password']);
    });
    afterAll(() => nats.stop());

    it('accepts the right user and password', async () => {
      const env = { ...nats.env, NATS_USER: 'svc', NATS_PASSWORD: 'right-password' };
      await expect(roundTrip(env)).resolves.toBeGreaterThanOrEqual(0);
    });

    it('refuses a wrong password and no credentials with an authorization error', async () => {
      const wrong = { ...nats.env, NATS_USER: 'svc', NATS_PASSWORD: 'wrong-password' };
      await expect(roundTrip(wrong)).rejects.toThrow('Authorization Violation');
      await expect(roundTrip(nats.env)).rejects.toThrow('Authorization Violation');
    });
  });

  it('sends NATS_TOKEN to a server with --auth', async () => {
    const nats = await startNats(['--auth', 'the-token']);
    try {
      await expect(
        roundTrip({ ...nats.env, NATS_TOKEN: 'the-token' }),
      ).resolves.toBeGreaterThanOrEqual(0);
      await expect(roundTrip({ ...nats.env, NATS_TOKEN: 'other' })).rejects.toThrow(
        'Authorization Violation',
      );
    } finally {
      await nats.stop();
    }
  });

  it('signs with the seed in NATS_NKEY_SEED_FILE for a server that knows its public key', async () => {
    const user = nkeys.createUser();
    const config = join(dir, 'nkey.conf');
    writeFileSync(config, `authorization { users = [ { nkey: ${user.getPublicKey()} } ] }\n`);
    const seedFile = join(dir, 'user.nk');
    writeFileSync(seedFile, `${new TextDecoder().decode(user.getSeed())}\n`, { mode: 0o600 });
    const otherSeed = join(dir, 'other.nk');
    writeFileSync(otherSeed, new TextDecoder().decode(nkeys.createUser().getSeed()));
    const nats = await startNats(['-c', config]);
    try {
      await expect(
        roundTrip({ ...nats.env, NATS_NKEY_SEED_FILE: seedFile }),
      ).resolves.toBeGreaterThanOrEqual(0);
      await expect(roundTrip({ ...nats.env, NATS_NKEY_SEED_FILE: otherSeed })).rejects.toThrow(
        'Authorization Violation',
      );
    } finally {
      await nats.stop();
    }
  });

  it('verifies a TLS server against NATS_TLS_CA_FILE', async () => {
    const cert = join(dir, 'server.pem');
    const key = join(dir, 'server.key');
    // Self-signed, so the certificate is its own CA; the client checks an IP host as localhost.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const nats = await startNats(['--tls', '--tlscert', cert, '--tlskey', key]);
    try {
      await expect(
        roundTrip({ ...nats.env, NATS_TLS_CA_FILE: cert }),
      ).resolves.toBeGreaterThanOrEqual(0);
      // Without the CA the certificate is untrusted; one attempt, as retrying cannot fix that.
      await expect(
        roundTrip(nats.env, { waitOnFirstConnect: false, maxReconnectAttempts: 0 }),
      ).rejects.toThrow('self-signed certificate');
    } finally {
      await nats.stop();
    }
  });
});
