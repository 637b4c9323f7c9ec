import { loadConfig } from '@aip/platform';
import { VectorConfig } from '../config/vector.config';
import { qdrantClientOptions } from './qdrant-client-options';

const options = (env: NodeJS.ProcessEnv) => qdrantClientOptions(loadConfig(VectorConfig, env));

describe('qdrantClientOptions', () => {
  it('sends no key when QDRANT_API_KEY is unset', () => {
    expect(options({})).toEqual({ url: 'http://127.0.0.1:6333' });
  });

  it('sends the key as a plain api-key header to a loopback engine over http', () => {
    expect(options({ QDRANT_API_KEY: 'k' })).toEqual({
      url: 'http://127.0.0.1:6333',
      headers: { 'api-key': 'k' },
    });
  });

  it("uses the client's apiKey (and its plain-http warning) beyond this machine", () => {
    for (const url of ['http://qdrant:6333', 'https://127.0.0.1:6333'])
      expect(options({ QDRANT_URL: url, QDRANT_API_KEY: 'k' })).toEqual({ url, apiKey: 'k' });
  });
});
