import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCode } from '@aip/contracts';
import { parseOpenAiCompatibleOptions } from './openai-compatible.options';
import { OpenAiCompatibleProvider } from './openai-compatible.provider';
import { parseRetryAfter, retryDelay } from './retrying-fetch';

type Handler = (input: string[], res: ServerResponse, req: IncomingMessage) => void;

/** The vector a stand-in server gives a text: its length and first char code, not normalised. */
const vectorOf = (text: string) => [text.length + 1, text.charCodeAt(0) || 0, 2];

/**
 * A stand-in OpenAI embeddings server (OpenAI itself cannot be reached here; the real server of
 * this platform is tested end to end in embedding-providers.e2e-spec): each test scripts its
 * answers, to produce the failures the provider must survive.
 */
async function standIn(
  handle: Handler,
): Promise<{ url: string; requests: string[][]; close(): Promise<void> }> {
  const requests: string[][] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { input } = JSON.parse(body) as { input: string[] };
      requests.push(input);
      handle(input, res, req);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const answer = (input: string[], res: ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ data: input.map((t, index) => ({ index, embedding: vectorOf(t) })) }));
};

const provider = (url: string, extra: Record<string, unknown> = {}) =>
  new OpenAiCompatibleProvider(
    parseOpenAiCompatibleOptions('remote', { baseUrl: url, model: 'm', timeoutMs: 500, ...extra }),
  );

describe('OpenAiCompatibleProvider against a stand-in server (mock of an external API)', () => {
  it('learns the dimension, splits batches to maxBatch and returns unit vectors in order', async () => {
    const server = await standIn(answer);
    const remote = provider(server.url, { maxBatch: 8, apiKey: 'sk-test' });
    try {
      await remote.init();
      expect(remote.dimension).toBe(3);
      const texts = Array.from({ length: 20 }, (_, i) => `text ${'x'.repeat(i)}`);
      const vectors = await remote.embed(texts);
      expect(server.requests.slice(1).map((r) => r.length)).toEqual([8, 8, 4]);
      vectors.forEach((vector, i) => {
        const raw = vectorOf(texts[i]);
        expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
        expect(vector[0] / vector[2]).toBeCloseTo(raw[0] / raw[2], 5);
      });
    } finally {
      await server.close();
    }
  });

  it('retries 429 and 5xx answers, honouring Retry-After', async () => {
    let calls = 0;
    const server = await standIn((input, res) => {
      calls++;
      if (calls === 2) {
        res.writeHead(429, { 'Retry-After': '1' }).end('slow down');
      } else if (calls === 3) {
        res.writeHead(503).end('busy');
      } else {
        answer(input, res);
      }
    });
    const remote = provider(server.url);
    try {
      await remote.init();
      const started = Date.now();
      await expect(remote.embed(['hello'])).resolves.toHaveLength(1);
      // One second for Retry-After, then the first backoff step for the 503.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000 + retryDelay(1) - 50);
      expect(calls).toBe(4);
    } finally {
      await server.close();
    }
  });

  it('gives up after the configured retries with a 503 naming the model and the cause', async () => {
    const server = await standIn((input, res) =>
      server.requests.length === 1 ? answer(input, res) : res.writeHead(500).end('boom'),
    );
    const remote = provider(server.url, { retries: 1 });
    try {
      await remote.init();
      await expect(remote.embed(['a'])).rejects.toMatchObject({
        code: ErrorCode.ServiceUnavailable,
        message: expect.stringMatching(/model m failed: .*answered 500: boom/),
      });
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('times out a request that hangs and tries again', async () => {
    const server = await standIn((input, res) => {
      if (server.requests.length !== 2) answer(input, res);
      // The second request is never answered: the provider must not wait for it.
    });
    const remote = provider(server.url, { timeoutMs: 200 });
    try {
      await remote.init();
      await expect(remote.embed(['late'])).resolves.toHaveLength(1);
      expect(server.requests).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('keeps trying at init until the server answers, and fails at once on a wrong key', async () => {
    let up = false;
    const server = await standIn((input, res) =>
      up ? answer(input, res) : res.writeHead(502).end(),
    );
    const remote = provider(server.url, { retries: 0 });
    const unauthorised = await standIn((_input, res) => res.writeHead(401).end('bad key'));
    try {
      const init = remote.init();
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(remote.dimension).toBe(0);
      up = true;
      await init;
      expect(remote.dimension).toBe(3);
      await expect(provider(unauthorised.url).init()).rejects.toThrow(/answered 401: bad key/);
    } finally {
      await server.close();
      await unauthorised.close();
    }
  });

  it('rejects a configured dimension the server does not give', async () => {
    const server = await standIn(answer);
    try {
      await expect(provider(server.url, { dimension: 768 }).init()).rejects.toThrow(
        'gives 3 dimensions, not the configured 768',
      );
    } finally {
      await server.close();
    }
  });
});

describe('retry timing', () => {
  it('backs off exponentially up to a cap, and reads Retry-After as seconds or a date', () => {
    expect([0, 1, 2, 3].map((a) => retryDelay(a))).toEqual([250, 500, 1000, 2000]);
    expect(retryDelay(20)).toBe(30_000);
    expect(retryDelay(0, 1500)).toBe(1500);
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
