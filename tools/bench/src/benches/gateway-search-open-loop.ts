import { RestClient } from '../engine/rest-client';
import { findMaxRate, rateHolds, type MaxRateResult } from '../measure/max-rate';
import { openLoop, type OpenLoopStep } from '../measure/open-loop';
import { fixed, int, ms } from '../report/format';
import type { Table } from '../report/table';
import { directQuery, gatewayTextSearch } from './gateway-search-requests';

/** The latency bound the figure is about. */
const P95_LIMIT_MS = 50;
/** Arrivals per rate: at 100 req/s, 400 samples, enough for a p95 that holds still. */
const STEP_MS = 4000;
/**
 * Far above what a system meeting the bound has out at once (Little's law: 1,000 req/s x
 * 50 ms = 50), so the cap only bites on a system already far past its rate.
 */
const MAX_IN_FLIGHT = 256;
/** Wait for answers still out after a step's schedule; later ones count as failed. */
const DRAIN_MS = 10_000;
/** Quiet time after each step, so a step that overran does not leave work for the next. */
const SETTLE_MS = 500;
/**
 * 100, 200, 400, ... req/s (or 50, 25, ... when 100 fails already), then 3 bisections: the
 * answer within 2^(1/8), about 9%.
 */
const SEARCH = { startRate: 100, growth: 2, ceilingRate: 10_000, floorRate: 5, bisections: 3 };

export interface OpenLoopTargets {
  gatewayUrl: string;
  /** Headers that authenticate at the gateway. */
  auth: Record<string, string>;
  engineUrl: string;
  /** Sentences to search for; every search gets its own text from them. */
  pool: readonly string[];
  /** The closed-loop baseline's query bodies (precomputed vectors), sent in turn. */
  directBodies: readonly string[];
}

interface SystemResult {
  label: string;
  /** The label in the table of every step. */
  short: string;
  search: MaxRateResult<OpenLoopStep>;
}

/**
 * The highest open-loop arrival rate at which a dense text search through the gateway keeps
 * its p95 under 50 ms, beside the same for the engine queried directly. A closed loop of 32
 * clients reports what the system does when it sets the pace; users arriving on their own do
 * not wait for each other, so this asks how many of them it can take while staying fast.
 */
export async function openLoopMaxRates(
  targets: OpenLoopTargets,
  log: (message: string) => void,
): Promise<{ tables: Table[]; json: Record<string, unknown> }> {
  const gateway = new RestClient(targets.gatewayUrl, MAX_IN_FLIGHT, targets.auth);
  const engine = new RestClient(targets.engineUrl, MAX_IN_FLIGHT);
  try {
    let directSent = 0;
    const direct = await searchMaxRate('direct', log, () =>
      directQuery(engine, targets.directBodies[directSent++ % targets.directBodies.length]),
    );
    let searched = 0;
    const dense = await searchMaxRate('gateway dense', log, () =>
      gatewayTextSearch(gateway, uniqueQuery(targets.pool, searched++), 'dense'),
    );
    const systems: SystemResult[] = [
      {
        label: 'vector-engine direct, precomputed vectors (baseline)',
        short: 'direct',
        search: direct,
      },
      { label: 'gateway, text, mode dense', short: 'gateway dense', search: dense },
    ];
    const ratio = (dense.best?.rate ?? Number.NaN) / (direct.best?.rate ?? Number.NaN);
    return {
      tables: [summaryTable(systems), stepsTable(systems)],
      json: {
        p95LimitMs: P95_LIMIT_MS,
        stepMs: STEP_MS,
        maxInFlight: MAX_IN_FLIGHT,
        direct: systemJson(direct),
        gatewayDense: systemJson(dense),
        denseRatio: ratio,
      },
    };
  } finally {
    gateway.close();
    engine.close();
  }
}

async function searchMaxRate(
  label: string,
  log: (message: string) => void,
  send: () => Promise<void>,
): Promise<MaxRateResult<OpenLoopStep>> {
  return findMaxRate(
    async (rate) => {
      const step = await openLoop(
        { rate, durationMs: STEP_MS, maxInFlight: MAX_IN_FLIGHT, drainMs: DRAIN_MS },
        send,
      );
      log(`open loop, ${label}, ${rate} req/s: ${describeStep(step)}`);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      return step;
    },
    { p95LimitMs: P95_LIMIT_MS, ...SEARCH },
  );
}

/**
 * A text no earlier search of the run has used (the closed-loop rows end theirs in "(query)"),
 * so neither the embedding cache nor the search-result cache can answer it.
 */
function uniqueQuery(pool: readonly string[], n: number): string {
  return `${pool[n % pool.length]} (query ${n})`;
}

function failures(step: OpenLoopStep): number {
  return step.errors + step.missed + step.timedOut;
}

function describeStep(step: OpenLoopStep): string {
  const failed = failures(step);
  return (
    `achieved ${int(step.achievedRate)}, p50 ${ms(step.p50Ms)} ms, p95 ${ms(step.p95Ms)} ms` +
    (failed > 0
      ? `, ${int(failed)} failed (${step.errors} errors, ${step.missed} missed, ${step.timedOut} timed out)`
      : '')
  );
}

/** The rate that held, with "<" or ">=" when the search ran off either end. */
function maxRateCell(search: MaxRateResult<OpenLoopStep>): string {
  if (!search.best) return `< ${int(SEARCH.floorRate)}`;
  return search.lowestFailing ? int(search.best.rate) : `>= ${int(search.best.rate)}`;
}

function summaryTable(systems: SystemResult[]): Table {
  const [baseline] = systems;
  return {
    title: `Open loop: the highest arrival rate at which text search keeps p95 < ${P95_LIMIT_MS} ms, same collection`,
    headers: [
      'path',
      `max req/s at p95 < ${P95_LIMIT_MS} ms`,
      'vs direct',
      'achieved req/s',
      'p50',
      'p95',
      'lowest failing rate',
    ],
    rows: systems.map(({ label, search }) => [
      label,
      maxRateCell(search),
      fixed((search.best?.rate ?? Number.NaN) / (baseline.search.best?.rate ?? Number.NaN), 2),
      int(search.best?.achievedRate ?? Number.NaN),
      ms(search.best?.p50Ms),
      ms(search.best?.p95Ms),
      search.lowestFailing
        ? `${int(search.lowestFailing.rate)} (${failureCause(search.lowestFailing)})`
        : 'none',
    ]),
    notes: [
      `Each rate: requests due on a fixed schedule (request i at i / rate s) for ${STEP_MS / 1000} s, each sent when due whether or not earlier ones have answered, its latency taken from its scheduled time: queueing anywhere, the load generator included, shows in the p95 (no coordinated omission).`,
      `A rate holds when p95 < ${P95_LIMIT_MS} ms and no request failed, was missed (due with ${MAX_IN_FLIGHT} already out) or was still unanswered ${DRAIN_MS / 1000} s after the schedule ended. Rates double from ${SEARCH.startRate} req/s to the first that fails (halve to the first that holds, if that one fails), then ${SEARCH.bisections} geometric bisections: the figure is within about 9% on a quiet machine.`,
      "Gateway: dense text search, every text new to the run, so no embedding or search-cache hit; direct: the closed-loop baseline's precomputed query vectors, sent in turn (the engine caches no results).",
      `The load generator shares the 2 cores with every process it measures; its worst send lag at the reported rate: ${systems.map(({ short, search }) => `${short} ${ms(search.best?.maxSendLagMs)} ms`).join(', ')}.`,
    ],
  };
}

function failureCause(step: OpenLoopStep): string {
  return failures(step) > 0 ? `${int(failures(step))} failed` : `p95 ${ms(step.p95Ms)} ms`;
}

function stepsTable(systems: SystemResult[]): Table {
  return {
    title: `Open loop: every rate tried, in order, ${STEP_MS / 1000} s each`,
    headers: ['path', 'target req/s', 'achieved req/s', 'p50', 'p95', 'p99', 'failed', 'holds'],
    rows: systems.flatMap(({ short, search }) =>
      search.steps.map((step) => [
        short,
        int(step.rate),
        int(step.achievedRate),
        ms(step.p50Ms),
        ms(step.p95Ms),
        ms(step.p99Ms),
        int(failures(step)),
        rateHolds(step, P95_LIMIT_MS) ? 'yes' : 'no',
      ]),
    ),
  };
}

function systemJson(search: MaxRateResult<OpenLoopStep>): Record<string, unknown> {
  return {
    maxRate: search.best?.rate,
    ceilingHeld: search.best !== undefined && search.lowestFailing === undefined,
    atMaxRate: search.best,
    lowestFailing: search.lowestFailing,
    steps: search.steps.map(({ rate, achievedRate, p50Ms, p95Ms, errors, missed, timedOut }) => ({
      rate,
      achievedRate,
      p50Ms,
      p95Ms,
      errors,
      missed,
      timedOut,
    })),
  };
}
