import { importLlamaCpp } from '../llama/llama-types';

/**
 * The local file of a model: a path as it is, an `hf:` URI as found in the models folder.
 * Never downloads (the service must start offline, at once): `npm run models:pull` does that.
 */
export async function resolveModelPath(model: string, modelsDir: string): Promise<string> {
  const { resolveModelFile } = await importLlamaCpp();
  try {
    return await resolveModelFile(model, { directory: modelsDir, download: false, cli: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = model.startsWith('hf:')
      ? `; download it first with \`npm run models:pull -- ${model}\` (models folder ${modelsDir})`
      : '';
    throw new Error(`cannot find model ${model}: ${reason}${hint}`);
  }
}
