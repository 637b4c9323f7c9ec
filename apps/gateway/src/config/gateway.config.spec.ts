import { ConfigError, loadConfig } from '@aip/platform';
import { GatewayConfig } from './gateway.config';

describe('GatewayConfig', () => {
  it('defaults to port 8000, a 1 MB body limit and every service required', () => {
    const config = loadConfig(GatewayConfig, {});
    expect(config.GATEWAY_PORT).toBe(8000);
    expect(config.GATEWAY_BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(config.GATEWAY_REQUIRED_SERVICES).toEqual([
      'inference',
      'embedding',
      'vector',
      'sync-worker',
    ]);
  });

  it('reads a comma-separated list of required services', () => {
    const config = loadConfig(GatewayConfig, { GATEWAY_REQUIRED_SERVICES: 'vector, embedding' });
    expect(config.GATEWAY_REQUIRED_SERVICES).toEqual(['vector', 'embedding']);
  });

  it('rejects an unknown service and a body limit outside its bounds', () => {
    expect(() =>
      loadConfig(GatewayConfig, {
        GATEWAY_REQUIRED_SERVICES: 'vector,billing',
        GATEWAY_BODY_LIMIT_BYTES: '10',
      }),
    ).toThrow(ConfigError);
    try {
      loadConfig(GatewayConfig, { GATEWAY_BODY_LIMIT_BYTES: '10' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'GATEWAY_BODY_LIMIT_BYTES="10": GATEWAY_BODY_LIMIT_BYTES must not be less than 1024',
      ]);
    }
  });
});
