import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

type LlamaCpp = typeof import('node-llama-cpp');

const USAGE = `usage: npm run models:pull -- <hf:user/repo:file.gguf | https://.../file.gguf> [--dir <folder>]

Downloads a GGUF model into the inference models folder (--dir, else INFERENCE_MODELS_DIR, else
<DATA_DIR>/models, DATA_DIR defaulting to ./data), where the inference service finds hf: URIs.
Then start with INFERENCE_MODEL=<the same hf: URI or the printed path>.`;

/** How long the reachability check may take: offline, the command fails at once, never hangs. */
const REACHABLE_TIMEOUT_MS = 5000;

function modelsDir(flag: string | undefined): string {
  if (flag) return resolve(flag);
  if (process.env['INFERENCE_MODELS_DIR']) return resolve(process.env['INFERENCE_MODELS_DIR']);
  return resolve(process.env['DATA_DIR'] ?? 'data', 'models');
}

/** The host a model URI downloads from. */
function downloadHost(uri: string): string {
  if (uri.startsWith('hf:')) return 'https://huggingface.co';
  const url = new URL(uri);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${uri} is neither an hf:user/repo:file URI nor an http(s) URL`);
  }
  return url.origin;
}

/**
 * node-llama-cpp's downloader retries an unreachable host for many minutes; a quick look first
 * turns "offline" into an immediate, clear failure.
 */
async function assertReachable(host: string, directory: string): Promise<void> {
  try {
    await fetch(host, { method: 'HEAD', signal: AbortSignal.timeout(REACHABLE_TIMEOUT_MS) });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause ?? error).toString() : String(error);
    throw new Error(
      `cannot reach ${host} (${reason}): no internet here? Download the .gguf file on a machine ` +
        `with internet and copy it into ${directory}, or point INFERENCE_MODEL at a local file.`,
    );
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const uri = positionals[0];
  const directory = modelsDir(values.dir);
  await assertReachable(downloadHost(uri), directory);
  // node-llama-cpp is ESM with top-level await: it must be imported, not required.
  const { resolveModelFile } = (await import('node-llama-cpp')) as LlamaCpp;
  const file = await resolveModelFile(uri, { directory, download: 'auto', cli: true });
  console.log(
    `model ready: ${file}\nstart with INFERENCE_MODEL=${uri.startsWith('hf:') ? uri : file}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
