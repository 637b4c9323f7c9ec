#!/usr/bin/env node
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, loadConfigOrExit, readAppVersion } from '@aip/platform';
import { unprotectedBindProblem } from './config/bind-check';
import { VectorEngineConfig } from './config/vector-engine.config';
import { Engine } from './engine/engine';
import { buildServer } from './server/http-server';

// `vector-engine --port 6333 --data <dir>`: flags win over the environment.
const { values: flags } = parseArgs({
  options: { port: { type: 'string' }, data: { type: 'string' } },
  allowPositionals: false,
});
if (flags.port !== undefined) process.env['VECTOR_ENGINE_PORT'] = flags.port;
if (flags.data !== undefined) process.env['VECTOR_ENGINE_DATA_DIR'] = flags.data;

const config = loadConfigOrExit(VectorEngineConfig);
const bindProblem = unprotectedBindProblem(config);
if (bindProblem !== undefined) {
  process.stderr.write(`Invalid configuration: ${bindProblem}\n`);
  process.exit(1);
}
const version = readAppVersion(__dirname);
const logger = createLogger({ service: 'vector-engine', version, level: config.LOG_LEVEL });

async function main(): Promise<void> {
  const dataDir = resolve(config.VECTOR_ENGINE_DATA_DIR ?? join(config.DATA_DIR, 'vector-engine'));
  const started = Date.now();
  const engine = new Engine(dataDir);
  logger.info(
    { dataDir, collections: engine.names().length, loadMs: Date.now() - started },
    'collections loaded',
  );
  const server = buildServer(
    engine,
    logger,
    { version, startedAt: started },
    { readWrite: config.VECTOR_ENGINE_API_KEY, readOnly: config.VECTOR_ENGINE_READ_ONLY_API_KEY },
  );

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.close();
    engine.close();
    logger.flush();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await server.listen({ port: config.VECTOR_ENGINE_PORT, host: config.HOST });
  logger.info(
    {
      port: config.VECTOR_ENGINE_PORT,
      host: config.HOST,
      apiKey: Boolean(config.VECTOR_ENGINE_API_KEY || config.VECTOR_ENGINE_READ_ONLY_API_KEY),
    },
    'ready to serve',
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'vector-engine failed to start');
  logger.flush();
  process.exit(1);
});
