import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { runWithRequestId } from './request-context';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes JSON with the service, version and the current request id', () => {
    const out = capture();
    const logger = createLogger({
      service: 'vector',
      version: '1.2.3',
      level: 'info',
      destination: out.stream,
    });
    runWithRequestId('req-42', () => logger.info('inside'));
    logger.info('outside');
    const [inside, outside] = out.lines();
    expect(inside).toMatchObject({
      service: 'vector',
      version: '1.2.3',
      requestId: 'req-42',
      msg: 'inside',
      level: 'info',
    });
    expect(outside).not.toHaveProperty('requestId');
  });

  it('never writes keys, tokens or passwords', () => {
    const out = capture();
    const logger = createLogger({
      service: 'gateway',
      version: '1',
      level: 'info',
      destination: out.stream,
    });
    logger.info({
      req: { headers: { authorization: 'Bearer sk-secret-1', 'x-api-key': 'sk-secret-2' } },
      config: { JWT_SECRET: 'sk-secret-3', REDIS_URL: 'redis://:sk-secret-4@host' },
      user: { password: 'sk-secret-5' },
    });
    const text = JSON.stringify(out.lines());
    expect(text).not.toMatch(/sk-secret/);
    expect(text).toContain('[redacted]');
  });
});
