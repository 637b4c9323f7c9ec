import { readFileSync } from 'node:fs';
import helmet from 'helmet';
import { ServiceName } from '@aip/contracts';
import { loadConfigOrExit, readAppVersion, runApp } from '@aip/platform';
import { AppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { setupOpenApi } from './docs/openapi';
import { ollamaErrorDialect } from './ollama/ollama-errors';
import { openAiErrorDialect } from './openai/openai-errors';

const config = loadConfigOrExit(GatewayConfig);
const version = readAppVersion(__dirname);

if (Boolean(config.GATEWAY_TLS_CERT_FILE) !== Boolean(config.GATEWAY_TLS_KEY_FILE)) {
  process.stderr.write(
    'Invalid configuration: set both GATEWAY_TLS_CERT_FILE and GATEWAY_TLS_KEY_FILE, or neither\n',
  );
  process.exit(1);
}

runApp({
  service: ServiceName.Gateway,
  version,
  appModule: AppModule,
  config,
  port: config.GATEWAY_PORT,
  servesNats: false,
  bodyLimitBytes: config.GATEWAY_BODY_LIMIT_BYTES,
  metricsPermission: 'metrics:view',
  errorDialects: [openAiErrorDialect, ollamaErrorDialect],
  tls:
    config.GATEWAY_TLS_CERT_FILE && config.GATEWAY_TLS_KEY_FILE
      ? {
          cert: readFileSync(config.GATEWAY_TLS_CERT_FILE),
          key: readFileSync(config.GATEWAY_TLS_KEY_FILE),
        }
      : undefined,
  beforeListen: (app) => {
    // An API server: no CSP (the docs page loads its own scripts), every other helmet header on.
    app.use(helmet({ contentSecurityPolicy: false }));
    if (config.GATEWAY_CORS_ORIGINS.length > 0) {
      app.enableCors({
        origin: config.GATEWAY_CORS_ORIGINS.includes('*') ? true : config.GATEWAY_CORS_ORIGINS,
        exposedHeaders: [
          'X-Request-Id',
          'X-RateLimit-Limit',
          'X-RateLimit-Remaining',
          'X-RateLimit-Reset',
          'Retry-After',
        ],
      });
    }
    setupOpenApi(app, version);
  },
});
