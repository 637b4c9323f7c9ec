import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPortOpen, ManagedProcess, reservePort, waitFor } from '@aip/platform';

/**
 * A real nats-server of the test's own on a reserved port, for tests that stop and restart the
 * message bus without disturbing the machine's shared NATS on 4222.
 */
export class TestNatsServer {
  private server: ManagedProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<TestNatsServer> {
    const nats = new TestNatsServer(await reservePort());
    await nats.restart();
    return nats;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** (Re)starts the server on the same port. */
  async restart(): Promise<void> {
    this.server = new ManagedProcess({
      name: 'nats-server',
      command: 'nats-server',
      args: ['-a', '127.0.0.1', '-p', String(this.port)],
      logFile: join(tmpdir(), `aip-nats-${this.port}.log`),
    });
    this.server.start();
    await waitFor(async () => ((await isPortOpen('127.0.0.1', this.port)) ? true : undefined), {
      timeoutMs: 10_000,
      what: `nats-server on port ${this.port}`,
    });
  }

  async stop(): Promise<void> {
    await this.server?.stop(5000);
  }
}
