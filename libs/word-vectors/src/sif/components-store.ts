import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../cache/atomic-write';
import type { CommonComponents } from './sentence-encoder';

interface StoredComponents {
  /** Everything the components depend on; another key means they are stale. */
  key: string;
  dim: number;
  vectors: number[][];
  weights: number[];
}

/**
 * Common components kept as a small JSON file: computing them takes a few seconds once, and
 * every later start (and every replica sharing the folder) must remove the very same ones, or
 * vectors embedded before and after a restart would not be comparable.
 */
export async function loadOrComputeComponents(
  file: string,
  key: string,
  compute: () => Promise<CommonComponents>,
): Promise<CommonComponents> {
  const stored = await readStored(file);
  if (stored?.key === key) return fromStored(stored);
  const components = await compute();
  const dim = components.vectors.length / Math.max(components.weights.length, 1);
  const record: StoredComponents = {
    key,
    dim,
    vectors: Array.from(components.weights, (_, c) =>
      Array.from(components.vectors.subarray(c * dim, (c + 1) * dim)),
    ),
    weights: Array.from(components.weights),
  };
  await writeFileAtomic(file, [Buffer.from(`${JSON.stringify(record)}\n`, 'utf8')]);
  return components;
}

async function readStored(file: string): Promise<StoredComponents | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stored = JSON.parse(text) as StoredComponents;
    return isValid(stored) ? stored : undefined;
  } catch {
    // Unreadable JSON (e.g. edited by hand): computing again repairs it.
    return undefined;
  }
}

function isValid(stored: StoredComponents): boolean {
  return (
    typeof stored?.key === 'string' &&
    Number.isInteger(stored.dim) &&
    Array.isArray(stored.weights) &&
    Array.isArray(stored.vectors) &&
    stored.vectors.length === stored.weights.length &&
    stored.vectors.every(
      (vector) =>
        Array.isArray(vector) &&
        vector.length === stored.dim &&
        vector.every((value) => Number.isFinite(value)),
    ) &&
    stored.weights.every((value) => Number.isFinite(value))
  );
}

function fromStored(stored: StoredComponents): CommonComponents {
  return {
    vectors: Float64Array.from(stored.vectors.flat()),
    weights: Float64Array.from(stored.weights),
  };
}
