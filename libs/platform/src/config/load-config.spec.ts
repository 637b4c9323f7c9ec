import { BaseConfig, RedisConfig } from './base.config';
import { EnvBoolean, EnvPort } from './env-decorators';
import { ConfigError, loadConfig } from './load-config';

class ExampleConfig extends RedisConfig {
  @EnvPort()
  EXAMPLE_PORT = 8123;

  @EnvBoolean()
  EXAMPLE_FLAG = false;
}

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(ExampleConfig, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('runs the local setup with no variables set', () => {
    const config = loadConfig(ExampleConfig, {});
    expect(config).toBeInstanceOf(BaseConfig);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.NATS_REQUEST_TIMEOUT_MS).toBe(5000);
    expect(config.EXAMPLE_PORT).toBe(8123);
    expect(config.DATA_DIR).toMatch(/\/data$/);
  });

  it('converts numbers and booleans and resolves DATA_DIR to an absolute path', () => {
    const config = loadConfig(ExampleConfig, {
      EXAMPLE_PORT: '9000',
      EXAMPLE_FLAG: 'true',
      DATA_DIR: 'var/state',
    });
    expect(config.EXAMPLE_PORT).toBe(9000);
    expect(config.EXAMPLE_FLAG).toBe(true);
    expect(config.DATA_DIR).toBe(`${process.cwd()}/var/state`);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(ExampleConfig, { EXAMPLE_PORT: '' }).EXAMPLE_PORT).toBe(8123);
  });

  it('names each bad variable, the value given and what is allowed', () => {
    const problems = problemsOf({
      EXAMPLE_PORT: '70000',
      EXAMPLE_FLAG: 'yes',
      LOG_LEVEL: 'chatty',
      NATS_REQUEST_TIMEOUT_MS: 'soon',
    });
    expect(problems).toHaveLength(4);
    expect(problems).toContain('EXAMPLE_PORT="70000": EXAMPLE_PORT must not be greater than 65535');
    expect(problems).toContain('EXAMPLE_FLAG="yes": EXAMPLE_FLAG must be true or false');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL="chatty"'))).toContain(
      'must be one of: fatal, error, warn, info, debug, trace, silent',
    );
    expect(problems.find((p) => p.startsWith('NATS_REQUEST_TIMEOUT_MS="soon"'))).toContain(
      'must be an integer number',
    );
  });

  it('ignores variables the config does not declare', () => {
    expect(problemsOf({ UNRELATED: '!!', PATH: '/bin' })).toEqual([]);
  });
});
