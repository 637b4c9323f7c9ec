import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** Where the figures were measured: they only compare within one machine and one commit. */
export function machineInfo(root: string): Record<string, unknown> {
  const git = (...args: string[]): string =>
    spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    // The engine is measured as it is in the working tree, uncommitted changes included.
    uncommittedChanges: git('status', '--porcelain').length > 0,
  };
}

function cpuTimes(): { busy: number; total: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
    const values = fields.map(Number);
    const idle = values[3] + (values[4] ?? 0); // idle + iowait
    const total = values.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined; // Not Linux.
  }
}

/**
 * Share of the machine's CPU in use over a short sample while the benchmark itself is idle:
 * other work on a 2-core machine skews every figure, so the report says when it was busy.
 */
export async function cpuBusyShare(sampleMs = 1000): Promise<number | undefined> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return undefined;
  return (after.busy - before.busy) / (after.total - before.total);
}
