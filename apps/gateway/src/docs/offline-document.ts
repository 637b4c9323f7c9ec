import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ServiceName } from '@aip/contracts';
import { AppInfo, createLogger, loadConfig, PlatformModule } from '@aip/platform';
import { AppModule } from '../app.module';
import { GatewayConfig } from '../config/gateway.config';
import { createOpenApiDocument } from './openapi';

/**
 * The same document `/docs-json` serves, built without starting the gateway: Nest's preview mode
 * reads the routes and DTOs without creating providers, so nothing connects to NATS or Redis.
 * Used to generate clients (`npm run openapi`) and by the tests that check the document.
 */
export async function offlineOpenApiDocument(version = '0.0.0'): Promise<OpenAPIObject> {
  const config = loadConfig(GatewayConfig, {});
  const logger = createLogger({ service: ServiceName.Gateway, version, level: 'error' });

  @Module({
    imports: [
      PlatformModule.forRoot({ info: new AppInfo(ServiceName.Gateway, version), config, logger }),
      AppModule,
    ],
  })
  class DocumentModule {}

  const app = await NestFactory.create(DocumentModule, { preview: true, logger: false });
  try {
    return createOpenApiDocument(app, version);
  } finally {
    await app.close();
  }
}
