import { ServiceName } from '@aip/contracts';
import { loadConfigOrExit, readAppVersion, runApp } from '@aip/platform';
import { AppModule } from './app.module';
import { GatewayConfig } from './config/gateway.config';
import { setupOpenApi } from './docs/openapi';

const config = loadConfigOrExit(GatewayConfig);
const version = readAppVersion(__dirname);

runApp({
  service: ServiceName.Gateway,
  version,
  appModule: AppModule,
  config,
  port: config.GATEWAY_PORT,
  servesNats: false,
  bodyLimitBytes: config.GATEWAY_BODY_LIMIT_BYTES,
  beforeListen: (app) => setupOpenApi(app, version),
});
