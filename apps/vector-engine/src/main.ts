import { ServiceName } from '@aip/contracts';
import { loadConfigOrExit, readAppVersion, runApp } from '@aip/platform';
import { AppModule } from './app.module';
import { VectorEngineConfig } from './config/vector-engine.config';

const config = loadConfigOrExit(VectorEngineConfig);

runApp({
  service: ServiceName.VectorEngine,
  version: readAppVersion(__dirname),
  appModule: AppModule,
  config,
  port: config.VECTOR_ENGINE_PORT,
  servesNats: false,
});
