import { Module } from '@nestjs/common';
import { ConversationStore } from './conversation-store.service';
import { MemoryCollections } from './memory-collections.service';

/** Stored conversations, and the memory collections the inference service creates on first use. */
@Module({
  providers: [ConversationStore, MemoryCollections],
  exports: [ConversationStore, MemoryCollections],
})
export class ConversationsModule {}
