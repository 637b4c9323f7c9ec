import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the variables a config class declares from the environment, converts and validates
 * them. Every property of a config class has an initializer (its default), so the instance's
 * own keys are exactly the variables it reads; an empty variable counts as unset.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const declared = Object.keys(new configClass());
  const raw: Record<string, string> = {};
  for (const name of declared) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const config = plainToInstance(configClass, raw);
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigError(errors.map((e) => describe(e, raw)));
  return config;
}

/** Boot-time variant: prints what is wrong and stops the process. */
export function loadConfigOrExit<T extends object>(configClass: new () => T): T {
  try {
    return loadConfig(configClass);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function describe(error: ValidationError, raw: Record<string, string>): string {
  const given = error.property in raw ? JSON.stringify(raw[error.property]) : '(unset)';
  const rules = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}=${given}: ${rules}`;
}
