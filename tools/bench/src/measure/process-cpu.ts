import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`, 100 on Linux x86). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** User plus system CPU ms a process has used so far, from `/proc/<pid>/stat`. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th
  // field of the line, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms each named process spent while `work` ran. */
export async function cpuDuring<T>(
  processes: Record<string, number>,
  work: () => Promise<T>,
): Promise<{ result: T; cpuMs: Record<string, number> }> {
  const before = Object.fromEntries(
    Object.entries(processes).map(([name, pid]) => [name, processCpuMs(pid)]),
  );
  const result = await work();
  const cpuMs = Object.fromEntries(
    Object.entries(processes).map(([name, pid]) => [name, processCpuMs(pid) - before[name]]),
  );
  return { result, cpuMs };
}

/** The process listening on a loopback TCP port (`ss -ltnp`), e.g. NATS or Redis. */
export function listenerPid(port: number): number {
  const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`no process listens on port ${port}`);
  return Number(match[1]);
}

/** CPU ms per request of each process, its total, and each as a multiple of `reference`. */
export function cpuTableRows(
  cpuMs: Record<string, number>,
  requests: number,
  reference: string,
): string[][] {
  const per = Object.entries(cpuMs).map(([name, value]) => [name, value / requests] as const);
  const total = per.reduce((sum, [, value]) => sum + value, 0);
  const referenceMs = per.find(([name]) => name === reference)?.[1] ?? NaN;
  const outside = total - referenceMs;
  return [
    ...per.map(([name, value]) => [name, value.toFixed(3), (value / referenceMs).toFixed(2)]),
    ['total', total.toFixed(3), (total / referenceMs).toFixed(2)],
    [`everything but ${reference}`, outside.toFixed(3), (outside / referenceMs).toFixed(2)],
  ];
}
