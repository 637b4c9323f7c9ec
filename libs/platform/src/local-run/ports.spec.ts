import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ephemeralRange, releasePort, reservableRange, reservePort, type PortRange } from './ports';

/**
 * Runs this very module in a node process of its own: each line on stdin (a range as JSON, or
 * null) asks for a reservation, answered with the port or `none`; closing stdin ends it.
 */
const CHILD = `
const { transformFileSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
require.extensions['.ts'] = (module, file) => module._compile(transformFileSync(file, {
  swcrc: false,
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
}).code, file);
const { reservePort } = require(${JSON.stringify(join(__dirname, 'ports.ts'))});
const lines = require('node:readline').createInterface({ input: process.stdin });
lines.on('line', (line) =>
  reservePort({ range: JSON.parse(line) ?? undefined })
    .then(String, () => 'none')
    .then((answer) => process.stdout.write(answer + '\\n')),
);
lines.on('close', () => process.exit(0));
process.stdout.write('ready\\n');
`;

const spawned: ChildProcess[] = [];

class Child {
  private readonly exited: Promise<unknown>;
  private readonly answers: AsyncIterator<string>;

  private constructor(private readonly node: ChildProcess) {
    this.exited = new Promise((resolve) => node.once('exit', resolve));
    this.answers = createInterface({ input: node.stdout! })[Symbol.asyncIterator]();
  }

  static async start(): Promise<Child> {
    const node = spawn(process.execPath, ['-e', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] });
    spawned.push(node);
    const child = new Child(node);
    expect(await child.answer()).toBe('ready');
    return child;
  }

  async reserve(range?: PortRange): Promise<number | undefined> {
    this.node.stdin!.write(`${JSON.stringify(range ?? null)}\n`);
    const answer = await this.answer();
    return answer === 'none' ? undefined : Number(answer);
  }

  /** Exits normally, running its 'exit' handlers. */
  async exit(): Promise<void> {
    this.node.stdin!.end();
    await this.exited;
  }

  async kill(): Promise<void> {
    this.node.kill('SIGKILL');
    await this.exited;
  }

  private async answer(): Promise<string> {
    const { value, done } = await this.answers.next();
    if (done) throw new Error('the child process ended early');
    return value;
  }
}

const only = (port: number): PortRange => ({ low: port, high: port });
const lockFile = (port: number) => join(tmpdir(), 'aip-port-locks', String(port));

/** Reserves every port of the range this process can get, until none is left. */
async function reserveAll(range: PortRange): Promise<number[]> {
  const ports: number[] = [];
  for (;;) {
    const port = await reservePort({ range }).catch((error: Error) => {
      expect(error.message).toBe(`no port in ${range.low}-${range.high} is free to reserve`);
      return undefined;
    });
    if (port === undefined) return ports;
    ports.push(port);
  }
}

describe('reservePort (machine-wide locks under the tmp folder, real child processes)', () => {
  afterAll(() => spawned.forEach((node) => node.kill('SIGKILL')));

  it('never returns one port twice in a process, one after another or all at once', async () => {
    const sequential: number[] = [];
    for (let i = 0; i < 30; i++) sequential.push(await reservePort());
    const concurrent = await Promise.all(Array.from({ length: 30 }, () => reservePort()));
    const all = [...sequential, ...concurrent];
    expect(new Set(all).size).toBe(all.length);
    await expect(reservePort({ range: only(all[0]) })).rejects.toThrow('free to reserve');
    all.forEach(releasePort);
  });

  it('reserves only outside the ephemeral range', async () => {
    const ephemeral = ephemeralRange();
    const range = reservableRange();
    expect(range.high < ephemeral.low || range.low > ephemeral.high).toBe(true);
    const ports = await Promise.all(Array.from({ length: 20 }, () => reservePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(range.low);
      expect(port).toBeLessThanOrEqual(range.high);
    }
    ports.forEach(releasePort);
  });

  it.each([
    [
      { low: 32768, high: 60999 },
      { low: 20000, high: 32767 },
    ],
    [
      { low: 10000, high: 15000 },
      { low: 20000, high: 32767 },
    ],
    [
      { low: 20500, high: 60999 },
      { low: 61000, high: 65535 },
    ],
    [
      { low: 15000, high: 65535 },
      { low: 1024, high: 14999 },
    ],
  ])('picks its range clear of the ephemeral range %o', (ephemeral, expected) => {
    expect(reservableRange(ephemeral)).toEqual(expected);
  });

  it('refuses to pick a range when the ephemeral range leaves no room', () => {
    expect(() => reservableRange({ low: 1024, high: 65535 })).toThrow('leaves no room');
  });

  it('skips a port another live process holds, and reserves it once that one has exited', async () => {
    const holder = await Child.start();
    const held = (await holder.reserve())!;
    await expect(reservePort({ range: only(held) })).rejects.toThrow('free to reserve');
    const range = reservableRange();
    const around = await reserveAll({
      low: Math.max(range.low, held - 10),
      high: Math.min(range.high, held + 10),
    });
    expect(around.length).toBeGreaterThan(0);
    expect(around).not.toContain(held);
    around.forEach(releasePort);

    await holder.exit();
    expect(existsSync(lockFile(held))).toBe(false);
    await expect(reservePort({ range: only(held) })).resolves.toBe(held);
    releasePort(held);
  });

  it('lets exactly one of the processes racing for a dead owner’s lock take it over', async () => {
    const owner = await Child.start();
    const port = (await owner.reserve())!;
    await owner.kill();
    expect(existsSync(lockFile(port))).toBe(true);

    const racers = await Promise.all(Array.from({ length: 5 }, () => Child.start()));
    const answers = await Promise.all(racers.map((racer) => racer.reserve(only(port))));
    expect(answers.filter((answer) => answer === port)).toHaveLength(1);
    expect(answers.filter((answer) => answer === undefined)).toHaveLength(4);
    await Promise.all(racers.map((racer) => racer.exit()));
    expect(existsSync(lockFile(port))).toBe(false);
  });

  it('takes over a dead owner’s lock in this process too', async () => {
    const owner = await Child.start();
    const port = (await owner.reserve())!;
    await owner.kill();
    await expect(reservePort({ range: only(port) })).resolves.toBe(port);
    releasePort(port);
  });

  it('reserves a released port again', async () => {
    const port = await reservePort();
    releasePort(port);
    expect(existsSync(lockFile(port))).toBe(false);
    await expect(reservePort({ range: only(port) })).resolves.toBe(port);
    releasePort(port);
  });
});
