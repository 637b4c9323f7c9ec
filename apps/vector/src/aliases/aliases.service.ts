import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  PlatformError,
  type AliasResolution,
  type AliasSwapRequest,
  type AliasSwapResult,
} from '@aip/contracts';
import { CollectionsService } from '../collections/collections.service';
import { qdrantCall } from '../qdrant/qdrant-errors';

/**
 * Collection names behind Qdrant aliases, for reindexing: readers keep using the name while a
 * new collection is built, then the name moves to it in one alias update.
 */
@Injectable()
export class AliasesService {
  constructor(
    private readonly qdrant: QdrantClient,
    private readonly collections: CollectionsService,
  ) {}

  async resolve(name: string): Promise<AliasResolution> {
    const target = await this.aliasTarget(name);
    if (target !== undefined) return { name, collection: target, is_alias: true };
    const { exists } = await qdrantCall(
      `collection ${name}`,
      () => this.qdrant.collectionExists(name),
      { idempotent: true },
    );
    if (!exists) throw new PlatformError(ErrorCode.NotFound, `Collection ${name} does not exist`);
    return { name, collection: name, is_alias: false };
  }

  /**
   * When the name is already an alias, the swap is one atomic alias update and the old collection
   * is dropped after it. A name that is still a plain collection (made before its first reindex)
   * cannot be aliased while it exists: it is dropped and the alias created right after, so for
   * the time of one Qdrant request between the two the name answers 404.
   */
  async swap(request: AliasSwapRequest): Promise<AliasSwapResult> {
    const { name, target } = request;
    if (name === target)
      throw new PlatformError(ErrorCode.ValidationFailed, 'target must differ from name');
    const current = await this.resolve(name).catch((error: unknown) => {
      if (error instanceof PlatformError && error.code === ErrorCode.NotFound) return undefined;
      throw error;
    });
    if (current?.collection === target) return { name, collection: target, is_alias: true };
    const createAlias = { create_alias: { collection_name: target, alias_name: name } };
    if (current?.is_alias) {
      await this.updateAliases([{ delete_alias: { alias_name: name } }, createAlias]);
    } else {
      if (current) await this.collections.delete(name);
      await this.updateAliases([createAlias]);
    }
    // The name now has the target's model and dimension.
    this.collections.forget(name);
    if (current?.is_alias) await this.collections.delete(current.collection);
    return {
      name,
      collection: target,
      is_alias: true,
      ...(current ? { dropped: current.collection } : {}),
    };
  }

  private async aliasTarget(name: string): Promise<string | undefined> {
    const { aliases } = await qdrantCall('aliases', () => this.qdrant.getAliases(), {
      idempotent: true,
    });
    return aliases.find((a) => a.alias_name === name)?.collection_name;
  }

  private async updateAliases(actions: object[]): Promise<void> {
    await qdrantCall('update aliases', () =>
      this.qdrant.updateCollectionAliases({
        actions: actions as Parameters<QdrantClient['updateCollectionAliases']>[0]['actions'],
      }),
    );
  }
}
