import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootstrapApp, loadConfig, releasePort, reservePort } from '@aip/platform';
import { AppModule } from '../app.module';
import { GatewayConfig } from '../config/gateway.config';

export interface TestGateway {
  app: NestExpressApplication;
  url: string;
  adminKey: string;
  stop(): Promise<void>;
}

/** The real gateway module in this process on a reserved port, against the run's NATS and Redis. */
export async function startTestGateway(env: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
  const port = await reservePort();
  const adminKey = `test-admin-${randomBytes(16).toString('hex')}`;
  const config = loadConfig(GatewayConfig, {
    GATEWAY_PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    GATEWAY_ADMIN_KEY: adminKey,
    // As in the e2e stack: test runs that share a machine keep to their own NATS and Redis.
    NATS_URL: process.env['AIP_TEST_NATS_URL'],
    REDIS_URL: process.env['AIP_TEST_REDIS_URL'],
    ...env,
  });
  const { app } = await bootstrapApp({
    service: 'gateway',
    version: 'test',
    appModule: AppModule,
    config,
    port,
    servesNats: false,
    metricsPermission: 'metrics:view',
  });
  const stop = async (): Promise<void> => {
    await app.close();
    releasePort(port);
  };
  return { app, url: `http://127.0.0.1:${port}`, adminKey, stop };
}
