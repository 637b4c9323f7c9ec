import { createHash } from 'node:crypto';
import { QueueName } from '@aip/contracts';

const HASH_CHARS = 32;

/**
 * A job's id from its content: the same request posted twice while the first is pending is one
 * job. The queue name leads, so a report can find the queue from the id alone.
 */
export function contentJobId(queue: QueueName, content: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  return `${queue}-${hash.slice(0, HASH_CHARS)}`;
}

export function queueOfJobId(jobId: string): QueueName | undefined {
  const prefix = jobId.slice(0, jobId.indexOf('-'));
  return (Object.values(QueueName) as string[]).includes(prefix)
    ? (prefix as QueueName)
    : undefined;
}
