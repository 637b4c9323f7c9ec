import { Agent, request } from 'node:http';

export interface RawResponse {
  status: number;
  text: string;
}

export class RestError extends Error {
  override readonly name = 'RestError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
  }
}

/**
 * A minimal JSON-over-HTTP client on node:http with kept-alive connections. Benchmarks use it
 * instead of fetch or the Qdrant client so the client adds as little as possible to what is
 * measured; hot loops pass bodies already serialised.
 */
export class RestClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  /**
   * `connections`: sockets this client may hold (1 = one request at a time, like one user).
   * `headers`: sent with every request (e.g. the gateway's Authorization).
   */
  constructor(
    baseUrl: string,
    connections = 1,
    private readonly headers: Record<string, string> = {},
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  send(method: string, path: string, body?: string, timeoutMs = 600_000): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string | number> = { ...this.headers };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(body);
      }
      const req = request(
        { host: this.host, port: this.port, method, path, agent: this.agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      req.setTimeout(timeoutMs, () =>
        req.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Sends JSON and returns the `result` of Qdrant's envelope; a status >= 400 throws. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
    );
    if (response.status >= 400) throw new RestError(method, path, response.status, response.text);
    return (JSON.parse(response.text) as { result: T }).result;
  }

  close(): void {
    this.agent.destroy();
  }
}
