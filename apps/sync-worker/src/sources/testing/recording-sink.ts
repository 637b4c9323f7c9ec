import type { IngestCounts } from '@aip/contracts';
import { DocumentSink, type SourceDocument } from '../../ingest/document-sink';

/**
 * A stand-in for the ingest pipeline's sink in unit tests: it keeps the latest document per
 * (collection, source, uid) in memory and can be told to fail its next calls, as a vector
 * service that is down would. The real sink is exercised by the e2e specs.
 */
export class RecordingSink extends DocumentSink {
  readonly documents = new Map<string, SourceDocument>();
  readonly calls: { op: 'upsert' | 'remove'; target: string; uids: string[] }[] = [];
  failNext = 0;

  upsert(collection: string, source: string, documents: SourceDocument[]): Promise<IngestCounts> {
    this.calls.push({
      op: 'upsert',
      target: `${collection}/${source}`,
      uids: documents.map((d) => d.source_uid),
    });
    if (this.failNext > 0) {
      this.failNext--;
      return Promise.reject(new Error('vector service unavailable'));
    }
    const errors = documents
      .filter((d) => d.text.includes('\u0000'))
      .map((d) => ({ source_uid: d.source_uid, error: 'text holds a NUL character' }));
    for (const document of documents)
      if (!errors.some((e) => e.source_uid === document.source_uid))
        this.documents.set(document.source_uid, document);
    return Promise.resolve({
      documents: documents.length,
      chunks: documents.length,
      embedded: documents.length - errors.length,
      upserted: documents.length - errors.length,
      skipped: 0,
      deleted: 0,
      failed: errors.length,
      errors,
    });
  }

  remove(collection: string, source: string, sourceUids: string[]): Promise<number> {
    this.calls.push({ op: 'remove', target: `${collection}/${source}`, uids: sourceUids });
    if (this.failNext > 0) {
      this.failNext--;
      return Promise.reject(new Error('vector service unavailable'));
    }
    let removed = 0;
    for (const uid of sourceUids) if (this.documents.delete(uid)) removed++;
    return Promise.resolve(removed);
  }

  textOf(uid: string): string | undefined {
    return this.documents.get(uid)?.text;
  }
}
