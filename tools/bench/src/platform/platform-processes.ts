import type { AppName } from '@aip/platform';
import { listenerPid } from '../measure/process-cpu';
import type { BenchPlatform } from './platform-stack';

/** The pids of these running apps of the platform, with its nats-server and Redis, by name. */
export function platformProcesses(
  platform: BenchPlatform,
  apps: readonly AppName[],
): Record<string, number> {
  const pids: Record<string, number> = {};
  for (const app of apps) {
    const pid = platform.stack.stack.process(app).pid;
    if (pid !== undefined) pids[app] = pid;
  }
  pids['nats-server'] = listenerPid(Number(new URL(platform.natsUrl).port));
  pids['redis'] = listenerPid(Number(new URL(platform.redisUrl).port));
  return pids;
}
