import { ServiceName } from '@aip/contracts';
import { loadConfigOrExit, readAppVersion, runApp } from '@aip/platform';
import { AppModule } from './app.module';
import { InferenceConfig } from './config/inference.config';

const config = loadConfigOrExit(InferenceConfig);

runApp({
  service: ServiceName.Inference,
  version: readAppVersion(__dirname),
  appModule: AppModule,
  config,
  port: config.INFERENCE_PORT,
  servesNats: true,
});
