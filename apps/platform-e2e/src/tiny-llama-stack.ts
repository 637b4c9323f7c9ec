import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, TestNatsServer, writeTinyLlama, type TestStack } from '@aip/testing';

/** How each generation model on the tiny GGUF is served: `parallel` sequences decoded together. */
export type TinyModels = Record<string, { parallel: number }>;

export interface TinyLlamaStackOptions {
  models: TinyModels;
  /** More environment for every app (limits, timeouts). */
  env?: NodeJS.ProcessEnv;
  /** The model's context, in tokens. Default 512. */
  contextLength?: number;
  /**
   * A NATS server of the stack's own, so that another run's inference service on the machine's
   * shared bus (with other models) cannot answer this stack's requests. Default true.
   */
  ownBus?: boolean;
}

export interface TinyLlamaStack extends TestStack {
  /** The GGUF file the models load. */
  modelFile: string;
}

/**
 * The embedding, inference and gateway apps as real processes, with generation models on a
 * tiny llama GGUF the test writes (512 tokens of context unless told, one decoding thread).
 */
export async function startTinyLlamaStack(options: TinyLlamaStackOptions): Promise<TinyLlamaStack> {
  const modelDir = mkdtempSync(join(tmpdir(), 'aip-tiny-llama-'));
  const modelFile = join(modelDir, 'tiny.gguf');
  writeTinyLlama(modelFile, { contextLength: options.contextLength });
  const bus = options.ownBus === false ? undefined : await TestNatsServer.start();
  const models = Object.fromEntries(
    Object.entries(options.models).map(([name, { parallel }]) => [
      name,
      { model: modelFile, parallel },
    ]),
  );
  const cleanUp = async () => {
    await bus?.stop();
    rmSync(modelDir, { recursive: true, force: true });
  };
  let stack: TestStack;
  try {
    stack = await startTestStack({
      natsUrl: bus?.url,
      apps: ['embedding', 'inference', 'gateway'],
      env: {
        GATEWAY_REQUIRED_SERVICES: 'inference,embedding',
        INFERENCE_THREADS: '1',
        INFERENCE_MODELS: JSON.stringify(models),
        ...options.env,
      },
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    ...stack,
    modelFile,
    stop: async () => {
      await stack.stop();
      await cleanUp();
    },
  };
}
