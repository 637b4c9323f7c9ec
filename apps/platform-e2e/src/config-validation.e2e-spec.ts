import { spawnSync } from 'node:child_process';
import { appEntry } from '@aip/platform';

describe('config validated at boot', () => {
  it.each([
    ['gateway', { GATEWAY_PORT: 'eighty' }, 'GATEWAY_PORT="eighty"'],
    [
      'gateway',
      { GATEWAY_REQUIRED_SERVICES: 'vector,billing' },
      'GATEWAY_REQUIRED_SERVICES must list some of',
    ],
    ['vector', { QDRANT_URL: 'not a url' }, 'QDRANT_URL'],
    [
      'inference',
      { INFERENCE_GPU: 'maybe' },
      'INFERENCE_GPU must be one of: auto, cuda, vulkan, false',
    ],
    [
      'embedding',
      { NATS_URL: 'http://nats' },
      'NATS_URL must be one or more comma-separated nats:// URLs',
    ],
    ['sync-worker', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
  ])('%s stops with a message naming the bad variable (%j)', (app, env, expected) => {
    const result = spawnSync(process.execPath, [appEntry(app)], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain(expected);
  });
});
