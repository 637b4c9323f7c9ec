import type { PostgresSettings } from './postgres-settings';

/** Column aliases the source adds to every row; no template can name them by accident. */
export const WATERMARK_ALIAS = '__aip_watermark';
export const ID_ALIAS = '__aip_id';

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** The SQL a postgres source runs, built once from its (validated) settings. */
export interface TableQueries {
  /** Rows past the watermark ($2 updated_at, $3 id; all rows when $1 is true), in order. */
  changes: string;
  /** Count and sum of id hashes: changes when rows are inserted or deleted. */
  checksum: string;
  /** Every id. */
  ids: string;
}

export function tableQueries(settings: PostgresSettings): TableQueries {
  const base =
    settings.query !== undefined
      ? settings.query.trim().replace(/;\s*$/, '')
      : `SELECT * FROM ${settings.table!.split('.').map(quote).join('.')}`;
  const updated = `src.${quote(settings.updated_at_column)}`;
  const id = `src.${quote(settings.id_column)}::text`;
  return {
    // $2 is left untyped so Postgres reads it as the updated_at column's own type (timestamp,
    // timestamptz, integer...): the watermark round-trips as that type's text, microseconds kept.
    changes:
      `SELECT src.*, ${updated}::text AS ${WATERMARK_ALIAS}, ${id} AS ${ID_ALIAS} ` +
      `FROM (${base}) AS src ` +
      `WHERE $1::boolean OR ${updated} > $2 OR (${updated} = $2 AND ${id} > $3::text) ` +
      `ORDER BY ${updated}, ${id} LIMIT ${settings.batch_rows}`,
    checksum:
      `SELECT count(*)::text AS rows, coalesce(sum(hashtext(${id})::bigint), 0)::text AS hash ` +
      `FROM (${base}) AS src`,
    ids: `SELECT ${id} AS ${ID_ALIAS} FROM (${base}) AS src`,
  };
}
