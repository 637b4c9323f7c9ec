import type { ChainableCommander, Redis } from 'ioredis';

type ScriptArgument = string | number;
/** The command ioredis adds for a defined script. */
type ScriptCommand = (...keysAndArgs: ScriptArgument[]) => Promise<unknown>;

/**
 * A Lua script run by its SHA1 (EVALSHA), loaded by ioredis on the first NOSCRIPT: EVAL sends
 * the whole script text with every call, which Redis then hashes again; on a hot path that is
 * most of the bytes a request writes to Redis.
 */
export class RedisScript {
  constructor(
    /** A name unique to this script: ioredis defines it as a command of the connection. */
    private readonly name: string,
    private readonly lua: string,
    private readonly numberOfKeys: number,
  ) {}

  run(redis: Redis, ...keysAndArgs: ScriptArgument[]): Promise<unknown> {
    this.define(redis);
    return (redis as unknown as Record<string, ScriptCommand>)[this.name](...keysAndArgs);
  }

  /**
   * Queues the script on a pipeline or transaction, which must have been created after
   * `define` (ioredis copies a connection's scripts into a pipeline when creating it).
   */
  queue(pipeline: ChainableCommander, ...keysAndArgs: ScriptArgument[]): void {
    const queued = (pipeline as unknown as Record<string, ScriptCommand | undefined>)[this.name];
    if (typeof queued !== 'function')
      throw new Error(`script ${this.name} was not defined before the pipeline was created`);
    // Queued, not sent: the pipeline's exec() carries the outcome.
    void queued.apply(pipeline, keysAndArgs);
  }

  /** Makes the script a command of `redis` (once); pipelines created afterwards have it. */
  define(redis: Redis): void {
    if (!(this.name in redis))
      redis.defineCommand(this.name, { lua: this.lua, numberOfKeys: this.numberOfKeys });
  }
}
