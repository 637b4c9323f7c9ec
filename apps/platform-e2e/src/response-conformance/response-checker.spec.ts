import { ResponseChecker, type OpenApiDocumentLike } from './response-checker';

const document: OpenApiDocumentLike = {
  paths: {
    '/v1/models': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/List' } } },
          },
        },
      },
    },
    '/v1/models/{id}': {
      get: {
        responses: {
          '200': {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Model' } } },
          },
          '404': { content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
    },
    '/v1/stream': {
      post: {
        responses: {
          '200': {
            content: {
              'text/event-stream': { schema: { $ref: '#/components/schemas/Model' } },
              'application/x-ndjson': { schema: { $ref: '#/components/schemas/Model' } },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Model: {
        type: 'object',
        properties: { id: { type: 'string' }, created: { type: 'integer' } },
        required: ['id', 'created'],
      },
      List: {
        type: 'object',
        properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Model' } } },
        required: ['data'],
      },
    },
  },
};

function reply(
  method: string,
  path: string,
  status: number,
  body: unknown,
  contentType = 'application/json',
) {
  return {
    method,
    url: `http://127.0.0.1:1${path}`,
    status,
    contentType,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

describe('ResponseChecker', () => {
  const checker = new ResponseChecker(document);

  it('accepts a reply that matches its schema, through refs between components', () => {
    const list = { data: [{ id: 'tiny', created: 1 }] };
    expect(checker.problemWith(reply('GET', '/v1/models', 200, list))).toBeUndefined();
    expect(checker.problemWith(reply('get', '/v1/models/tiny', 404, {}))).toBeUndefined();
  });

  it('names the field a reply gets wrong, read through a nested ref', () => {
    const problem = checker.problemWith(
      reply('GET', '/v1/models', 200, { data: [{ id: 'tiny', created: 'yesterday' }] }),
    );
    expect(problem).toBe('GET /v1/models 200: /data/0/created must be integer');
  });

  it('reports a missing required property', () => {
    expect(checker.problemWith(reply('GET', '/v1/models/tiny', 200, { id: 'tiny' }))).toBe(
      "GET /v1/models/{id} 200: (body) must have required property 'created'",
    );
  });

  it('reports a status the operation does not list', () => {
    expect(checker.problemWith(reply('GET', '/v1/models/tiny', 503, {}))).toBe(
      'GET /v1/models/{id} 503: status not in the document (it lists 200, 404)',
    );
  });

  it('reports a JSON body where the document gives a stream', () => {
    expect(checker.problemWith(reply('POST', '/v1/stream', 200, { error: 'x' }))).toBe(
      'POST /v1/stream 200: application/json where the document gives text/event-stream, application/x-ndjson',
    );
  });

  it('checks each event of a server-sent stream, past the [DONE] marker', () => {
    const events =
      'data: {"id":"a","created":1}\n\ndata: {"id":"b",\ndata: "created":2}\n\ndata: [DONE]\n\n';
    expect(
      checker.problemWith(reply('POST', '/v1/stream', 200, events, 'text/event-stream')),
    ).toBeUndefined();
    const second = 'data: {"id":"a","created":1}\n\ndata: {"id":"b"}\n\n';
    expect(checker.problemWith(reply('POST', '/v1/stream', 200, second, 'text/event-stream'))).toBe(
      "POST /v1/stream 200: event 1: (body) must have required property 'created'",
    );
  });

  it('checks each line of an NDJSON stream', () => {
    const lines = '{"id":"a","created":1}\n{"id":"b","created":"2"}\n';
    expect(
      checker.problemWith(reply('POST', '/v1/stream', 200, lines, 'application/x-ndjson')),
    ).toBe('POST /v1/stream 200: event 1: /created must be integer');
    expect(
      checker.problemWith(reply('POST', '/v1/stream', 200, '{"id"', 'application/x-ndjson')),
    ).toBe('POST /v1/stream 200: the body is not application/x-ndjson');
  });

  it('reads nullable as OpenAPI 3.0 means it, beside an allOf of one ref too', () => {
    const nullableRef = {
      paths: {
        '/x': {
          get: {
            responses: {
              '200': {
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: {
                        model: {
                          type: 'object',
                          nullable: true,
                          allOf: [{ $ref: '#/components/schemas/Model' }],
                        },
                        nullable: { type: 'string' },
                      },
                      required: ['model'],
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: document.components,
    };
    const nullableChecker = new ResponseChecker(nullableRef);
    expect(nullableChecker.problemWith(reply('GET', '/x', 200, { model: null }))).toBeUndefined();
    expect(nullableChecker.problemWith(reply('GET', '/x', 200, { model: { id: 'a' } }))).toMatch(
      /must have required property 'created'/,
    );
    expect(nullableChecker.problemWith(reply('GET', '/x', 200, { model: null, nullable: 1 }))).toBe(
      'GET /x 200: /nullable must be string',
    );
  });

  it('leaves alone paths and methods the document does not have', () => {
    expect(checker.problemWith(reply('GET', '/collections/x', 500, 'oops'))).toBeUndefined();
    expect(checker.problemWith(reply('DELETE', '/v1/models', 500, 'oops'))).toBeUndefined();
  });
});
