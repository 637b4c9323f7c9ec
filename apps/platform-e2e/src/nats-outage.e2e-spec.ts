import { startTestStack, TestNatsServer, type TestStack } from '@aip/testing';
import { httpJson, waitForPlatformHealth } from './http';

const OUTAGE_MS = 30_000;

describe('NATS outage: a nats-server of the test own, stopped for 30 s and started again', () => {
  let nats: TestNatsServer;
  let platform: TestStack;

  beforeAll(async () => {
    nats = await TestNatsServer.start();
    platform = await startTestStack({ natsUrl: nats.url });
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
    await nats?.stop();
  });

  it('keeps every process alive and recovers health within 10 s of NATS returning', async () => {
    expect((await httpJson(`${platform.gatewayUrl}/api/v1/health`)).status).toBe(200);

    await nats.stop();
    const duringOutage = await waitForPlatformHealth(platform.gatewayUrl, 503, 10_000);
    expect(duringOutage.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));

    for (const app of platform.stack.apps) {
      expect({ app, running: platform.stack.process(app).running }).toEqual({ app, running: true });
    }

    await nats.restart();
    const restartedAt = Date.now();
    const healthy = await waitForPlatformHealth(platform.gatewayUrl, 200, 10_000);
    const recoveredMs = Date.now() - restartedAt;
    expect(recoveredMs).toBeLessThan(10_000);
    expect(Object.values(healthy.body.services).every((s) => s.status === 'up')).toBe(true);
    process.stdout.write(`health recovered ${recoveredMs} ms after NATS restarted\n`);
  }, 90_000);
});
