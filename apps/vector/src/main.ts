import { ServiceName } from '@aip/contracts';
import { loadConfigOrExit, readAppVersion, runApp } from '@aip/platform';
import { AppModule } from './app.module';
import { VectorConfig } from './config/vector.config';

const config = loadConfigOrExit(VectorConfig);

runApp({
  service: ServiceName.Vector,
  version: readAppVersion(__dirname),
  appModule: AppModule,
  config,
  port: config.VECTOR_PORT,
  servesNats: true,
});
