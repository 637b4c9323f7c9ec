import 'reflect-metadata';
import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Permission } from '@aip/rbac';
import type { BaseConfig } from '../config/base.config';
import { AppInfo } from '../core/app-info';
import type { ErrorDialect } from '../errors/error-dialect';
import { PlatformModule } from '../core/platform.module';
import { httpObserver } from '../http/http-observer.middleware';
import { jsonBody } from '../http/json-body.middleware';
import { createLogger, type Logger } from '../logging/logger';
import { PinoNestLogger } from '../logging/pino-nest-logger';
import { natsConnectionOptions } from '../messaging/nats-options';
import { RequestMetrics } from '../metrics/request-metrics';

/** Default bound on JSON request bodies of apps that do not set their own. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface BootstrapOptions {
  service: string;
  version: string;
  appModule: Type<unknown> | DynamicModule;
  config: BaseConfig;
  port: number;
  /** Serve NATS requests in the queue group named after the service. */
  servesNats: boolean;
  bodyLimitBytes?: number;
  /** Permission the app's `/metrics` requires (the gateway's); open when unset. */
  metricsPermission?: Permission;
  /** TLS certificate and key (PEM) to serve HTTPS instead of HTTP. */
  tls?: { cert: Buffer; key: Buffer };
  /** Error shapes of the other APIs the app speaks, by path (OpenAI's, Ollama's). */
  errorDialects?: readonly ErrorDialect[];
  /** Extra HTTP setup (OpenAPI docs) before the port opens. */
  beforeListen?: (app: NestExpressApplication) => void | Promise<void>;
}

export interface RunningApp {
  app: NestExpressApplication;
  logger: Logger;
}

/**
 * Starts an app the same way for every service: JSON logs, request ids, metrics, body limit,
 * graceful shutdown on SIGTERM/SIGINT, the NATS server in the service's queue group (so
 * replicas share load) and the HTTP port with health and metrics.
 */
export async function bootstrapApp(options: BootstrapOptions): Promise<RunningApp> {
  const { config, service } = options;
  const logger = createLogger({ service, version: options.version, level: config.LOG_LEVEL });
  watchProcessErrors(logger);

  @Module({
    imports: [
      PlatformModule.forRoot({
        info: new AppInfo(service, options.version),
        config,
        logger,
        metricsPermission: options.metricsPermission,
        errorDialects: options.errorDialects,
      }),
      options.appModule,
    ],
  })
  class RootModule {}

  const app = await NestFactory.create<NestExpressApplication>(RootModule, {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
    abortOnError: false,
    httpsOptions: options.tls,
  });
  app.disable('x-powered-by');
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  app.use(httpObserver(logger, app.get(RequestMetrics)));
  app.use(jsonBody(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES, options.errorDialects));

  if (options.servesNats) {
    app.connectMicroservice<MicroserviceOptions>(
      {
        transport: Transport.NATS,
        options: { ...natsConnectionOptions(config, service), queue: service },
      },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
  }
  await options.beforeListen?.(app);
  await app.listen(options.port, config.HOST);
  logger.info(
    { port: options.port, nats: options.servesNats ? config.NATS_URL : undefined },
    'ready to serve',
  );
  return { app, logger };
}

/** Runs bootstrapApp from a main.ts: a failure to start is logged and ends the process. */
export function runApp(options: BootstrapOptions): void {
  bootstrapApp(options).catch((error: unknown) => {
    process.stderr.write(`${options.service} failed to start: ${String(error)}\n`);
    process.exit(1);
  });
}

function watchProcessErrors(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception, exiting');
    logger.flush();
    process.exit(1);
  });
}
