import { readFileSync } from 'node:fs';

/** Resident memory of a process in MiB (`VmRSS`; `VmHWM` for the peak), from /proc. */
export function processMemoryMiB(
  pid: number | undefined,
  field: 'VmRSS' | 'VmHWM' = 'VmRSS',
): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined; // No /proc (not Linux) or the process is gone.
  }
}
