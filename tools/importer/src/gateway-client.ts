/** How long one request to the gateway may take. */
const REQUEST_TIMEOUT_MS = 120_000;

export interface GatewayReply<T> {
  status: number;
  body: T;
}

/** The gateway's REST API with an API key. */
export class GatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string | undefined,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<GatewayReply<T>> {
    const response = await fetch(`${this.baseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        ...(this.key ? { Authorization: `Bearer ${this.key}` } : {}),
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Plain-text answers (a proxy's error page) are kept as they are.
    }
    return { status: response.status, body: parsed as T };
  }
}

/** The message of an error reply in the platform's shape, or the status. */
export function errorMessage(reply: GatewayReply<unknown>): string {
  const message = (reply.body as { error?: { message?: string } } | undefined)?.error?.message;
  return message ?? `HTTP ${reply.status}`;
}
