import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootstrapApp, freePort, loadConfig } from '@aip/platform';
import { AppModule } from '../app.module';
import { GatewayConfig } from '../config/gateway.config';

export interface TestGateway {
  app: NestExpressApplication;
  url: string;
  adminKey: string;
  stop(): Promise<void>;
}

/** The real gateway module in this process on a spare port, against the machine's NATS and Redis. */
export async function startTestGateway(env: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
  const port = await freePort();
  const adminKey = `test-admin-${randomBytes(16).toString('hex')}`;
  const config = loadConfig(GatewayConfig, {
    GATEWAY_PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    GATEWAY_ADMIN_KEY: adminKey,
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
  return { app, url: `http://127.0.0.1:${port}`, adminKey, stop: () => app.close() };
}
