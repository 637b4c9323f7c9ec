import { summarise, type LatencySummary } from './stats';

/**
 * Sends `count` requests from `clients` concurrent loops (each waits for its answer before the
 * next, like a user): request i goes to whichever loop is free. Returns every latency and the
 * throughput over the wall time of the whole run.
 */
export async function concurrentLoad(
  count: number,
  clients: number,
  send: (index: number) => Promise<void>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const loop = async (): Promise<void> => {
    while (next < count) {
      const index = next++;
      const sent = performance.now();
      await send(index);
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: Math.min(clients, count) }, loop));
  return summarise(latencies, performance.now() - started);
}
