import { ServiceName } from '@aip/contracts';
import { loadConfigOrExit, readAppVersion, runApp } from '@aip/platform';
import { AppModule } from './app.module';
import { SyncWorkerConfig } from './config/sync-worker.config';

const config = loadConfigOrExit(SyncWorkerConfig);

runApp({
  service: ServiceName.SyncWorker,
  version: readAppVersion(__dirname),
  appModule: AppModule,
  config,
  port: config.SYNC_WORKER_PORT,
  servesNats: true,
});
