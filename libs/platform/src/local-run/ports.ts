import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { randomInt } from 'node:crypto';
import { lockPort, unlockPort } from './port-locks';

export interface PortRange {
  low: number;
  high: number;
}

/** Linux's default, assumed where /proc cannot say. */
const DEFAULT_EPHEMERAL: PortRange = { low: 32768, high: 60999 };
/**
 * Where reservations are made when the ephemeral range allows: below Linux's ephemeral range
 * (and the 49152+ one of macOS and Windows), above the fixed ports of NATS, Redis, PostgreSQL
 * and `npm start` (8000-8004, 6333), so a reserved port never meets any of those.
 */
const PREFERRED: PortRange = { low: 20000, high: 32767 };
/** Room for many concurrent runs; a smaller gap is passed over for a roomier one. */
const MIN_SIZE = 1000;

/** The ports the kernel hands out for port 0 and for outgoing connections. */
export function ephemeralRange(): PortRange {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    if (Number.isInteger(low) && Number.isInteger(high) && low <= high) return { low, high };
  } catch {
    // Not Linux, or /proc not mounted.
  }
  return DEFAULT_EPHEMERAL;
}

/**
 * Ports to reserve from: never in the ephemeral range, since the kernel may give any of those
 * to an outgoing connection between a port's reservation and its bind.
 */
export function reservableRange(ephemeral = ephemeralRange()): PortRange {
  const candidates: PortRange[] = [
    { low: PREFERRED.low, high: Math.min(PREFERRED.high, ephemeral.low - 1) },
    { low: Math.max(PREFERRED.low, ephemeral.high + 1), high: PREFERRED.high },
    { low: ephemeral.high + 1, high: 65535 },
    { low: 1024, high: ephemeral.low - 1 },
  ];
  const range = candidates.find((r) => r.high - r.low + 1 >= MIN_SIZE);
  if (range === undefined)
    throw new Error(
      `the ephemeral port range ${ephemeral.low}-${ephemeral.high} leaves no room to reserve ports`,
    );
  return range;
}

// Concurrent runs start at different places, so they rarely contend for the same ports.
let next = randomInt(0, 2 ** 31);

/**
 * A port of this process's own until released or the process exits: locked machine-wide so
 * no other test run or tool reserves it, outside the ephemeral range so no outgoing
 * connection takes it, and free to bind on 127.0.0.1 when returned.
 */
export async function reservePort({ range = reservableRange() } = {}): Promise<number> {
  const size = range.high - range.low + 1;
  for (let tried = 0; tried < size; tried++) {
    const port = range.low + (next++ % size);
    if (!lockPort(port)) continue;
    if (await canBind(port)) return port;
    unlockPort(port);
  }
  throw new Error(`no port in ${range.low}-${range.high} is free to reserve`);
}

/** Lets other processes reserve the port again. */
export function releasePort(port: number): void {
  unlockPort(port);
}

/** Whether something accepts TCP connections on host:port. */
export function isPortOpen(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Something outside the locks (another program, a process of an old run) may listen there. */
function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
