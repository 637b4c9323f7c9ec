import { IsString, Matches } from 'class-validator';
import { COLLECTION_NAME } from './vector-collections.contract';

const NAME_MESSAGE = 'must be 1-64 letters, digits, _ or -';

/** Payload of `vector.aliases.resolve.v1`: which collection a name reads from. */
export class AliasRef {
  @IsString()
  @Matches(COLLECTION_NAME, { message: `name ${NAME_MESSAGE}` })
  name!: string;
}

/** Reply of `vector.aliases.resolve.v1`. */
export interface AliasResolution {
  name: string;
  /** The collection behind the name: itself when the name is a collection, not an alias. */
  collection: string;
  is_alias: boolean;
}

/**
 * Payload of `vector.aliases.swap.v1`: points the name at `target` and drops the collection it
 * pointed at before. Swapping to the collection already behind the name changes nothing.
 */
export class AliasSwapRequest {
  @IsString()
  @Matches(COLLECTION_NAME, { message: `name ${NAME_MESSAGE}` })
  name!: string;

  @IsString()
  @Matches(COLLECTION_NAME, { message: `target ${NAME_MESSAGE}` })
  target!: string;
}

export interface AliasSwapResult extends AliasResolution {
  /** The collection that was dropped, if any. */
  dropped?: string;
}
