import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { toArray, lastValueFrom } from 'rxjs';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { loadConfig } from '../config/load-config';
import { BaseConfig } from '../config/base.config';
import { natsConnectionOptions } from './nats-options';
import { RawServiceClient } from './raw-service-client.testing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ServiceClient.stream (real NATS; a raw responder speaks the NestJS reply protocol)', () => {
  let responder: NatsConnection;
  let proxy: ClientProxy;
  let client: RawServiceClient;
  // Subjects of the test's own, so no real service on this NATS can answer them.
  const chunks = `test.stream-chunks-${process.pid}.v1`;
  const failing = `test.stream-failing-${process.pid}.v1`;
  const lastSentAt: number[] = [];

  const reply = (message: Msg, body: Record<string, unknown>) =>
    message.respond(JSON.stringify({ id: (message.json() as { id: string }).id, ...body }));

  beforeAll(async () => {
    responder = await connect({ servers: '127.0.0.1:4222' });
    const streamed = responder.subscribe(chunks);
    void (async () => {
      for await (const message of streamed) {
        reply(message, { response: { n: 1 } });
        reply(message, { response: { n: 2 } });
        // The last piece comes later: a streaming caller sees the first ones before it exists.
        await sleep(300);
        lastSentAt.push(Date.now());
        reply(message, { response: { n: 3 }, isDisposed: true });
      }
    })();
    const refused = responder.subscribe(failing);
    void (async () => {
      for await (const message of refused) {
        reply(message, {
          err: { code: ErrorCode.NotFound, message: 'No snapshot s.snapshot' },
          isDisposed: true,
        });
      }
    })();
    const config = loadConfig(BaseConfig, { NATS_MAX_IN_FLIGHT: '1' });
    proxy = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: natsConnectionOptions(config, 'stream-test'),
    });
    client = new RawServiceClient(proxy, config);
  });

  afterAll(async () => {
    await proxy?.close();
    await responder?.close();
  });

  it('hands over each message as it arrives, in order, and frees its in-flight slot at the end', async () => {
    const arrivals: { n: number; at: number }[] = [];
    await new Promise<void>((resolve, reject) =>
      client.streamRaw<{ n: number }>('vector', chunks).subscribe({
        next: (value) => arrivals.push({ n: value.n, at: Date.now() }),
        error: reject,
        complete: resolve,
      }),
    );
    expect(arrivals.map((a) => a.n)).toEqual([1, 2, 3]);
    expect(arrivals[0].at).toBeLessThan(lastSentAt[0]);
    // NATS_MAX_IN_FLIGHT is 1: a second call passes only if the first let go of its slot.
    await expect(
      lastValueFrom(client.streamRaw<{ n: number }>('vector', chunks).pipe(toArray())),
    ).resolves.toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it("passes the callee's typed error on as a PlatformError", async () => {
    const error = await lastValueFrom(client.streamRaw('vector', failing)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).code).toBe(ErrorCode.NotFound);
    expect((error as PlatformError).message).toBe('No snapshot s.snapshot');
  });

  it('sends nothing until subscribed', async () => {
    const before = lastSentAt.length;
    client.streamRaw('vector', chunks);
    await sleep(400);
    expect(lastSentAt.length).toBe(before);
  });
});
