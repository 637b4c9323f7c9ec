import { ErrorCode, PlatformError } from '@aip/contracts';

/** Ollama's tag for a model named without one. */
const LATEST = ':latest';
/** What the platform accepts as a model name; anything else cannot name one of its models. */
const PLATFORM_MODEL_NAME = /^[\w.:-]{1,100}$/;

/** The error every Ollama route answers an unknown model with (the filter words it). */
export function modelNotFound(requested: string): PlatformError {
  return new PlatformError(ErrorCode.NotFound, `model "${requested}" not found`, {
    model: requested,
  });
}

/**
 * The platform model an Ollama name means: Ollama clients add `:latest` to bare names (and
 * `/api/tags` lists them so), the platform's names have no tag. A name the platform could never
 * have (Ollama's `namespace/model` or `hf.co/...`) is an unknown model, not a malformed request.
 */
export function platformModelOf(requested: string): string {
  const name = requested.endsWith(LATEST) ? requested.slice(0, -LATEST.length) : requested;
  if (!PLATFORM_MODEL_NAME.test(name)) throw modelNotFound(requested);
  return name;
}

/** What a generation or embedding request sends: `default` means the service's default model. */
export function requestedModelOf(requested: string): string | undefined {
  const name = platformModelOf(requested);
  return name === 'default' ? undefined : name;
}

/** A platform model's name as Ollama lists it: with a tag. */
export function ollamaNameOf(platformName: string): string {
  return platformName.includes(':') ? platformName : `${platformName}${LATEST}`;
}
