import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { ErrorBody } from '@aip/contracts';
import { jsonBody } from './json-body.middleware';
import { MAX_JSON_DEPTH } from './json-depth';

describe('jsonBody: what a JSON body must be before any route sees it', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.use(jsonBody(64 * 1024));
    app.post('/echo', (req, res) => {
      res.json({ body: req.body as unknown });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = async (body: string | Uint8Array, contentType = 'application/json') => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    });
    return {
      status: response.status,
      json: (await response.json()) as Partial<ErrorBody> & { body?: unknown },
    };
  };

  it('passes a well-formed body through with its text intact', async () => {
    const reply = await post(JSON.stringify({ text: 'naïve café ☕ 𝄞', n: [1, { m: 2 }] }));
    expect(reply.status).toBe(200);
    expect(reply.json.body).toEqual({ text: 'naïve café ☕ 𝄞', n: [1, { m: 2 }] });
  });

  it(`takes ${MAX_JSON_DEPTH} levels of nesting and refuses one more with 400 naming the limit`, async () => {
    const atLimit = '{"a":'.repeat(MAX_JSON_DEPTH - 1) + '[]' + '}'.repeat(MAX_JSON_DEPTH - 1);
    expect((await post(atLimit)).status).toBe(200);
    const deeper = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
    const refused = await post(deeper);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: `Request body is nested deeper than the limit of ${MAX_JSON_DEPTH} levels`,
      details: { limitDepth: MAX_JSON_DEPTH },
    });
    expect(typeof refused.json.requestId).toBe('string');
  });

  it('answers a body thousands of levels deep with 400, not a crash', async () => {
    const levels = 30_000;
    const refused = await post('['.repeat(levels) + ']'.repeat(levels));
    expect(refused.status).toBe(400);
    expect(refused.json.error?.details).toEqual({ limitDepth: MAX_JSON_DEPTH });
  });

  it('refuses bytes that are not UTF-8 instead of storing U+FFFD in their place', async () => {
    const badBytes = [
      [0xff], // never in UTF-8
      [0xc3], // a two-byte sequence cut short
      [0xc0, 0xaf], // an overlong "/"
      [0xed, 0xa0, 0x80], // a UTF-16 surrogate written as UTF-8
    ];
    for (const bytes of badBytes) {
      const body = Buffer.concat([
        Buffer.from('{"text":"a'),
        Buffer.from(bytes),
        Buffer.from('b"}'),
      ]);
      const refused = await post(body);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toEqual({
        code: 'MALFORMED_JSON',
        message: 'Request body is not valid UTF-8',
      });
    }
  });

  it('refuses JSON declared in another charset than UTF-8', async () => {
    const refused = await post(
      Buffer.from('{"text":"a"}', 'utf16le'),
      'application/json; charset=utf-16le',
    );
    expect(refused.status).toBe(400);
    expect(refused.json.error?.message).toBe('Request body must be JSON in UTF-8, not utf-16le');
  });

  it('still answers malformed JSON and an oversized body in the error shape', async () => {
    const malformed = await post('{"text": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json.error?.code).toBe('MALFORMED_JSON');
    const large = await post(JSON.stringify({ text: 'x'.repeat(65 * 1024) }));
    expect(large.status).toBe(413);
    expect(large.json.error?.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
