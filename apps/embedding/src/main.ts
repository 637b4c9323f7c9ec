import { ServiceName } from '@aip/contracts';
import { loadConfigOrExit, readAppVersion, runApp } from '@aip/platform';
import { AppModule } from './app.module';
import { EmbeddingConfig } from './config/embedding.config';

const config = loadConfigOrExit(EmbeddingConfig);

runApp({
  service: ServiceName.Embedding,
  version: readAppVersion(__dirname),
  appModule: AppModule,
  config,
  port: config.EMBEDDING_PORT,
  servesNats: true,
});
