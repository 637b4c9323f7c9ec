import { QueueName } from '@aip/contracts';
import { contentJobId, queueOfJobId } from './job-id';

describe('job ids', () => {
  it('derives the id from the content, so the same request is the same job', () => {
    const id = contentJobId(QueueName.Ingest, { collection: 'c', documents: [1] });
    expect(id).toMatch(/^ingest-[0-9a-f]{32}$/);
    expect(contentJobId(QueueName.Ingest, { collection: 'c', documents: [1] })).toBe(id);
    expect(contentJobId(QueueName.Ingest, { collection: 'c', documents: [2] })).not.toBe(id);
  });

  it('finds the queue from the id', () => {
    expect(queueOfJobId(contentJobId(QueueName.Reindex, {}))).toBe(QueueName.Reindex);
    expect(queueOfJobId('nonsense')).toBeUndefined();
  });
});
