import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { loadConfig } from '../config/load-config';
import { BaseConfig } from '../config/base.config';
import { natsConnectionOptions } from './nats-options';
import { RawServiceClient } from './raw-service-client.testing';

describe('ServiceClient backpressure (real NATS; a slow responder stands in for a busy service)', () => {
  let responder: NatsConnection;
  let proxy: ClientProxy;
  // A subject of the test's own, so no real service on this NATS can answer it.
  const subject = `test.backpressure-${process.pid}.v1`;

  beforeAll(async () => {
    responder = await connect({ servers: '127.0.0.1:4222' });
    const sub = responder.subscribe(subject);
    void (async () => {
      for await (const message of sub) {
        setTimeout(
          () =>
            message.respond(
              JSON.stringify({
                response: { ok: true },
                isDisposed: true,
                id: (message.json() as { id: string }).id,
              }),
            ),
          300,
        );
      }
    })();
  });

  afterAll(async () => {
    await proxy?.close();
    await responder?.close();
  });

  it('refuses a request beyond NATS_MAX_IN_FLIGHT at once with 503 and Retry-After, and recovers', async () => {
    const config = loadConfig(BaseConfig, { NATS_MAX_IN_FLIGHT: '2' });
    proxy = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: natsConnectionOptions(config, 'backpressure-test'),
    });
    const client = new RawServiceClient(proxy, config);
    const first = client.requestRaw('embedding', subject);
    const second = client.requestRaw('embedding', subject);
    const started = Date.now();
    const third = await client.requestRaw('embedding', subject).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(50);
    expect(third).toBeInstanceOf(PlatformError);
    expect((third as PlatformError).code).toBe(ErrorCode.ServiceUnavailable);
    expect((third as PlatformError).details).toMatchObject({ retryAfterSeconds: 1 });
    await expect(Promise.all([first, second])).resolves.toEqual([{ ok: true }, { ok: true }]);
    await expect(client.requestRaw('embedding', subject)).resolves.toEqual({ ok: true });
  });
});
