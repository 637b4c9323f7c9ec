import { Module } from '@nestjs/common';
import { DocumentSink } from './document-sink';
import { ReindexGate } from './reindex-gate';
import { VectorDocumentSink } from './vector-document-sink';
import { VectorStoreClient } from '../clients/vector-store.client';

/** The document sink, for the ingest queue and for live sources alike. */
@Module({
  providers: [
    VectorStoreClient,
    ReindexGate,
    VectorDocumentSink,
    { provide: DocumentSink, useExisting: VectorDocumentSink },
  ],
  exports: [DocumentSink, VectorDocumentSink, VectorStoreClient, ReindexGate],
})
export class IngestModule {}
