/**
 * Shared opening of both scripts: reads the bucket and refills it for the time passed since its
 * last use. Time comes from Redis itself so replicas with skewed clocks agree. Leaves `now`,
 * `capacity`, `cost`, `rate` and the refilled `tokens` in scope.
 */
const REFILL_PRELUDE = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + math.floor(tonumber(now_parts[2]) / 1000)
local capacity = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local rate = capacity / 60000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil then tokens = capacity; ts = now end
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)
`;

/**
 * Token bucket in one atomic Redis script, so every gateway replica shares one limit.
 * KEYS[1]: the bucket. ARGV: capacity (per minute), cost.
 * Returns {allowed, remaining, retry_after_ms, reset_ms}.
 */
export const TOKEN_BUCKET_SCRIPT = `${REFILL_PRELUDE}local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = math.ceil((cost - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], 61000)
local reset = math.ceil((capacity - tokens) / rate)
return {allowed, math.floor(tokens), retry, reset}
`;

/**
 * Takes `cost` from a token bucket unconditionally, going below zero if need be: spending that
 * has already happened (generated tokens) is charged in full, and the debt delays later takes.
 * KEYS[1]: the bucket. ARGV: capacity (per minute), cost. Returns the remaining balance.
 */
export const TOKEN_DEBIT_SCRIPT = `${REFILL_PRELUDE}tokens = tokens - cost
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.max(61000, math.ceil((capacity - tokens) / rate) + 1000))
return math.floor(tokens)
`;
