import {
  ErrorCode,
  PlatformError,
  type CollectionSettings,
  type UpdateCollectionRequest,
} from '@aip/contracts';
import { TENANT_FIELD } from '@aip/rbac';

/** Scalar int8 quantization as the platform turns it on: 4x smaller vectors, kept in RAM. */
const SCALAR_QUANTIZATION = { scalar: { type: 'int8', quantile: 0.99, always_ram: true } };

type Config = Record<string, unknown>;

function section(config: Config, key: string): Config {
  const value = config[key];
  return typeof value === 'object' && value !== null ? (value as Config) : {};
}

/** The tunable settings of a collection, read from Qdrant's collection config. */
export function settingsOf(config: Config): CollectionSettings {
  const hnsw = section(config, 'hnsw_config');
  // Qdrant answers `optimizer_config` and takes `optimizers_config` in requests.
  const optimizers = section(config, 'optimizer_config');
  const quantization = section(config, 'quantization_config');
  return {
    hnsw_config: { m: Number(hnsw['m'] ?? 0), ef_construct: Number(hnsw['ef_construct'] ?? 0) },
    optimizers_config: {
      indexing_threshold:
        typeof optimizers['indexing_threshold'] === 'number'
          ? optimizers['indexing_threshold']
          : null,
    },
    quantization:
      'scalar' in quantization
        ? 'scalar'
        : 'product' in quantization
          ? 'product'
          : 'binary' in quantization
            ? 'binary'
            : 'none',
  };
}

/** The body of Qdrant's PATCH /collections/{name} for an update; empty when no setting changes. */
export function configDiff(request: UpdateCollectionRequest): Config {
  const diff: Config = {};
  if (request.hnsw_config && Object.keys(request.hnsw_config).length > 0)
    diff['hnsw_config'] = { ...request.hnsw_config };
  if (request.optimizers_config?.indexing_threshold !== undefined)
    diff['optimizers_config'] = {
      indexing_threshold: request.optimizers_config.indexing_threshold,
    };
  if (request.quantization === 'scalar') diff['quantization_config'] = SCALAR_QUANTIZATION;
  if (request.quantization === 'none') diff['quantization_config'] = 'Disabled';
  return diff;
}

/**
 * Refuses an update that changes nothing, drops the tenant index (tenant isolation filters on
 * it), drops an index that does not exist, or adds and drops the same field.
 */
export function checkIndexChanges(
  request: UpdateCollectionRequest,
  indexed: readonly string[],
): void {
  const added = Object.keys(request.add_payload_indexes ?? {});
  const removed = request.remove_payload_indexes ?? [];
  if (Object.keys(configDiff(request)).length === 0 && added.length === 0 && removed.length === 0) {
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      'Nothing to update: give hnsw_config, optimizers_config, quantization, add_payload_indexes or remove_payload_indexes',
    );
  }
  if (removed.includes(TENANT_FIELD) || added.includes(TENANT_FIELD)) {
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `The ${TENANT_FIELD} index is the platform's own (tenant isolation filters on it) and cannot be changed`,
    );
  }
  const both = added.filter((field) => removed.includes(field));
  if (both.length > 0) {
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `Fields both added and removed: ${both.join(', ')}`,
    );
  }
  const unknown = removed.filter((field) => !indexed.includes(field));
  if (unknown.length > 0) {
    throw new PlatformError(
      ErrorCode.NotFound,
      `No payload index on ${unknown.join(', ')}; indexed fields: ${indexed.join(', ') || 'none'}`,
      { fields: unknown },
    );
  }
}
