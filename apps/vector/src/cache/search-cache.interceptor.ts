import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NatsContext } from '@nestjs/microservices';
import { defer, from, lastValueFrom, mergeMap, Observable, toArray } from 'rxjs';
import { SearchStats } from '../analytics/search-stats.service';
import { queryTexts } from '../analytics/query-text';
import { CACHED_READ, WRITES_COLLECTION } from './cache.decorators';
import { collectionOf, operationOf } from './cache-key';
import { SearchCache } from './search-cache.service';

/**
 * The search cache around the NATS handlers marked @CachedRead / @WritesCollection.
 *
 * Why no reply is ever stale after a write (the write's reply has been sent):
 * - A write bumps the collection's version AFTER it completes and BEFORE its reply is sent
 *   (success or failure alike: a failed write may have partly applied). So any read that starts
 *   after a write was acknowledged reads the new version and misses every older entry.
 * - A read takes the version BEFORE it queries Qdrant and stores its reply under that version.
 *   A read racing a write may store pre-write results, but only under the old version, which
 *   only reads that started before the write finished can look up: for them either state is
 *   a correct answer. Taking the version after the query instead could file pre-write results
 *   under the post-write version.
 * - If Redis refuses a bump, this replica stops using the collection's cache and retries the
 *   bump until it lands; while Redis is unreachable, other replicas cannot read entries either.
 */
@Injectable()
export class SearchCacheInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly cache: SearchCache,
    private readonly stats: SearchStats,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const handler = context.getHandler();
    const payload = context.switchToRpc().getData<unknown>();
    const collection = collectionOf(payload);
    if (collection === undefined) return next.handle();
    if (this.reflector.get<boolean | undefined>(WRITES_COLLECTION, handler))
      return this.write(collection, next);
    if (this.reflector.get<boolean | undefined>(CACHED_READ, handler)) {
      const subject = context.switchToRpc().getContext<NatsContext>().getSubject();
      return this.read(operationOf(subject), collection, payload, next);
    }
    return next.handle();
  }

  /** The write's replies are held until the version is bumped, then sent. */
  private write(collection: string, next: CallHandler): Observable<unknown> {
    return defer(async () => {
      try {
        return await lastValueFrom(next.handle().pipe(toArray()));
      } finally {
        await this.cache.bump(collection);
      }
    }).pipe(mergeMap((values) => from(values)));
  }

  /**
   * Answers from the cache, or runs the handler and caches a single plain reply. A handler
   * that streams several values (an Observable) is passed through as it streams, not cached.
   * Each successful read is timed for the search analytics, hits included.
   */
  private read(
    operation: string,
    collection: string,
    payload: unknown,
    next: CallHandler,
  ): Observable<unknown> {
    const started = process.hrtime.bigint();
    const timed = (hit: boolean): void => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const tenant = (payload as { tenant?: unknown }).tenant;
      this.stats.record({
        operation,
        collection,
        hit,
        ms,
        tenant: typeof tenant === 'string' ? tenant : undefined,
        texts: queryTexts(payload),
      });
    };
    return new Observable((subscriber) => {
      let closed = false;
      let unsubscribe = (): void => undefined;
      void this.cache.lookup(operation, collection, payload).then((lookup) => {
        if (closed) return;
        if (lookup.hit) {
          timed(true);
          subscriber.next(lookup.value);
          subscriber.complete();
          return;
        }
        let first: unknown;
        let count = 0;
        const inner = next.handle().subscribe({
          next: (value) => {
            if (count++ === 0) first = value;
            subscriber.next(value);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => {
            if (count === 1 && lookup.key !== undefined) this.cache.store(lookup.key, first);
            timed(false);
            subscriber.complete();
          },
        });
        unsubscribe = () => inner.unsubscribe();
      });
      return () => {
        closed = true;
        unsubscribe();
      };
    });
  }
}
