import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { parseCreateCollection, validateCollectionName } from './collection-config';
import { Collection } from './collection/collection';
import { EngineError } from './engine-error';

/** Time one indexing slice may hold the event loop. */
const INDEX_SLICE_MS = 4;

/**
 * Every collection and alias of the engine. Collections live in `<data>/collections/<name>`;
 * aliases in `<data>/aliases.json`, replaced atomically on change.
 */
export class Engine {
  private readonly collections = new Map<string, Collection>();
  private aliases = new Map<string, string>();
  private indexTimer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private closed = false;

  constructor(readonly dataDir: string) {
    mkdirSync(this.collectionsDir, { recursive: true });
    for (const entry of readdirSync(this.collectionsDir)) {
      const collection = Collection.open(join(this.collectionsDir, entry));
      this.collections.set(collection.name, collection);
    }
    const aliasFile = join(dataDir, 'aliases.json');
    if (existsSync(aliasFile)) {
      this.aliases = new Map(
        Object.entries(JSON.parse(readFileSync(aliasFile, 'utf8')) as Record<string, string>),
      );
    }
    this.scheduleIndexing(0);
  }

  private get collectionsDir(): string {
    return join(this.dataDir, 'collections');
  }

  private dirOf(name: string): string {
    return join(this.collectionsDir, encodeURIComponent(name));
  }

  names(): string[] {
    return [...this.collections.keys()];
  }

  exists(name: string): boolean {
    return this.collections.has(name) || this.aliases.has(name);
  }

  /** A collection by name or alias; 404 in Qdrant's words when there is none. */
  get(nameOrAlias: string): Collection {
    const collection = this.collections.get(this.aliases.get(nameOrAlias) ?? nameOrAlias);
    if (!collection) throw EngineError.collectionNotFound(nameOrAlias);
    return collection;
  }

  create(name: string, body: unknown): void {
    validateCollectionName(name);
    if (this.collections.has(name) || this.aliases.has(name)) {
      throw new EngineError(409, `Wrong input: Collection \`${name}\` already exists!`);
    }
    const config = parseCreateCollection(body);
    const dir = this.dirOf(name);
    rmSync(dir, { recursive: true, force: true });
    this.collections.set(name, Collection.create(name, dir, config));
  }

  /** Registers a collection restored into its folder (snapshot recovery). */
  adopt(name: string): Collection {
    this.collections.get(name)?.close();
    const collection = Collection.open(this.dirOf(name));
    this.collections.set(name, collection);
    this.scheduleIndexing(0);
    return collection;
  }

  collectionDir(name: string): string {
    return this.dirOf(name);
  }

  delete(name: string): boolean {
    const collection = this.collections.get(name);
    if (!collection) return false;
    collection.close();
    this.collections.delete(name);
    rmSync(this.dirOf(name), { recursive: true, force: true });
    let aliasesChanged = false;
    for (const [alias, target] of this.aliases) {
      if (target === name) aliasesChanged = this.aliases.delete(alias);
    }
    if (aliasesChanged) this.saveAliases();
    return true;
  }

  aliasesOf(collection?: string): { alias_name: string; collection_name: string }[] {
    return [...this.aliases]
      .filter(([, target]) => collection === undefined || target === collection)
      .map(([alias_name, collection_name]) => ({ alias_name, collection_name }));
  }

  /** Applies create/delete/rename alias actions all together, or none of them. */
  updateAliases(actions: unknown): void {
    if (!Array.isArray(actions)) throw EngineError.badInput('actions must be a list');
    const next = new Map(this.aliases);
    actions.forEach((action: unknown, i) => {
      const entry = (typeof action === 'object' && action !== null ? action : {}) as Record<
        string,
        Record<string, unknown>
      >;
      if (entry['create_alias']) {
        const { collection_name, alias_name } = entry['create_alias'];
        if (typeof collection_name !== 'string' || typeof alias_name !== 'string') {
          throw EngineError.badInput(
            `actions[${i}].create_alias needs collection_name and alias_name`,
          );
        }
        if (!this.collections.has(collection_name))
          throw EngineError.collectionNotFound(collection_name);
        if (this.collections.has(alias_name)) {
          throw EngineError.badInput(
            `Alias \`${alias_name}\` is the name of an existing collection`,
          );
        }
        next.set(alias_name, collection_name);
      } else if (entry['delete_alias']) {
        const { alias_name } = entry['delete_alias'];
        if (typeof alias_name !== 'string' || !next.delete(alias_name)) {
          throw EngineError.notFound(`Alias ${String(alias_name)} does not exists!`);
        }
      } else if (entry['rename_alias']) {
        const { old_alias_name, new_alias_name } = entry['rename_alias'];
        const target = typeof old_alias_name === 'string' ? next.get(old_alias_name) : undefined;
        if (target === undefined || typeof new_alias_name !== 'string') {
          throw EngineError.notFound(`Alias ${String(old_alias_name)} does not exists!`);
        }
        next.delete(old_alias_name as string);
        next.set(new_alias_name, target);
      } else {
        throw EngineError.badInput(
          `actions[${i}] must be create_alias, delete_alias or rename_alias`,
        );
      }
    });
    this.aliases = next;
    this.saveAliases();
  }

  private saveAliases(): void {
    const file = join(this.dataDir, 'aliases.json');
    writeFileSync(`${file}.tmp`, JSON.stringify(Object.fromEntries(this.aliases)));
    renameSync(`${file}.tmp`, file);
  }

  /**
   * Runs indexing slices back to back while any collection has pending vectors, else idles.
   * Busy slices are chained with setImmediate: setTimeout(0) waits at least 1 ms each time,
   * which made catching up take up to twice as long as an uninterrupted build.
   */
  scheduleIndexing(delayMs = 0): void {
    if (this.closed || this.indexTimer) return;
    const run = (): void => {
      this.indexTimer = undefined;
      let remaining = false;
      for (const collection of this.collections.values()) {
        if (collection.indexSlice(INDEX_SLICE_MS)) remaining = true;
      }
      this.scheduleIndexing(remaining ? 0 : 200);
    };
    // Only the idle poll is unref'd: an unref'd immediate lets the event loop block waiting for
    // I/O before running it, which left a third of the catch-up time idle.
    this.indexTimer = delayMs === 0 ? setImmediate(run) : setTimeout(run, delayMs).unref();
  }

  close(): void {
    this.closed = true;
    if (this.indexTimer) {
      clearTimeout(this.indexTimer as NodeJS.Timeout);
      clearImmediate(this.indexTimer as NodeJS.Immediate);
    }
    for (const collection of this.collections.values()) collection.close();
    this.collections.clear();
  }
}
