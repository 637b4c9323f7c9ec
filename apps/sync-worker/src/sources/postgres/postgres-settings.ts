import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DOCUMENT_TYPES, type DocumentType } from '@aip/contracts';
import { IntSetting } from '../settings-rules';
import { TARGET_NAME, TARGET_NAME_MESSAGE } from '../source-targets';

export const MIN_POLL_INTERVAL_MS = 100;
export const MAX_POLL_INTERVAL_MS = 3_600_000;
export const MAX_BATCH_ROWS = 5000;
export const MAX_QUERY_CHARS = 10_000;
export const MAX_TEMPLATE_CHARS = 10_000;
/** A column name as the template and the settings may use it. */
export const COLUMN_NAME = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}$/;
const COLUMN_MESSAGE = 'must be a column name: letters, digits and _, not starting with a digit';
/** `table` or `schema.table`. */
export const TABLE_NAME = /^[a-zA-Z_][a-zA-Z0-9_]{0,62}(\.[a-zA-Z_][a-zA-Z0-9_]{0,62})?$/;

/** One SELECT (or WITH ... SELECT) statement, as the operator's named queries must be. */
export const SELECT_STATEMENT = /^\s*(select|with)\s[^;]*;?\s*$/is;

/** What a `postgres` source reads of its rows: one table (or query) kept in sync with a collection. */
export class PostgresOptions {
  /** The table to mirror (`table` or `schema.table`); or give `query`. */
  @ValidateIf((settings: PostgresOptions & { query?: string }) => settings.query === undefined)
  @Matches(TABLE_NAME, { message: 'table must be "table" or "schema.table" (or give query)' })
  table?: string;

  @IsOptional()
  @Matches(COLUMN_NAME, { message: `id_column ${COLUMN_MESSAGE}` })
  id_column = 'id';

  /** Rows are read in (updated_at, id) order past a saved watermark; it must never be null. */
  @IsOptional()
  @Matches(COLUMN_NAME, { message: `updated_at_column ${COLUMN_MESSAGE}` })
  updated_at_column = 'updated_at';

  /** The document text: `{{column}}` is replaced by the column's value, e.g. "{{title}}\n{{body}}". */
  @IsString({ message: 'template must be a text with {{column}} placeholders' })
  @MaxLength(MAX_TEMPLATE_CHARS, {
    message: `template must be at most ${MAX_TEMPLATE_CHARS} characters`,
  })
  @Matches(/\{\{\s*[a-zA-Z_][a-zA-Z0-9_]*\s*\}\}/, {
    message: 'template must name at least one column as {{column}}',
  })
  template!: string;

  @IsOptional()
  @IsIn(DOCUMENT_TYPES, { message: `type must be one of: ${DOCUMENT_TYPES.join(', ')}` })
  type: DocumentType = 'text';

  @IsOptional()
  @IsString()
  @MaxLength(32)
  language?: string;

  /** Columns copied into every chunk's metadata. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64, { message: 'metadata_columns must hold at most 64 columns' })
  @Matches(COLUMN_NAME, { each: true, message: `metadata_columns ${COLUMN_MESSAGE}` })
  metadata_columns: string[] = [];

  /**
   * Soft deletes: a row whose column is neither null nor false is removed as soon as its
   * updated_at passes the watermark. Hard deletes are found by delete_check_interval_ms.
   */
  @IsOptional()
  @Matches(COLUMN_NAME, { message: `deleted_column ${COLUMN_MESSAGE}` })
  deleted_column?: string;

  @IntSetting(MIN_POLL_INTERVAL_MS, MAX_POLL_INTERVAL_MS)
  poll_interval_ms = 1000;

  /**
   * How often hard deletes are looked for: a count and a sum of id hashes (one index scan) is
   * compared with the last one, and only when it differs are all ids read and compared with the
   * documents written. Default: every poll.
   */
  @IntSetting(MIN_POLL_INTERVAL_MS, MAX_POLL_INTERVAL_MS)
  delete_check_interval_ms?: number;

  @IntSetting(1, MAX_BATCH_ROWS)
  batch_rows = 500;
}

/** A `postgres` source as the API takes it: a database and query the operator declared, by name. */
export class PostgresSourceSettings extends PostgresOptions {
  @Matches(TARGET_NAME, { message: `database ${TARGET_NAME_MESSAGE}` })
  database!: string;

  /** The name of one of the database's declared queries, instead of a table. */
  @IsOptional()
  @Matches(TARGET_NAME, { message: `query must name one of the database's declared queries` })
  query?: string;
}

/** A `postgres` source as it runs, its connection and SQL taken from the operator's settings. */
export class PostgresSettings extends PostgresOptions {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'connection must be a postgres:// URL' })
  @MaxLength(2048)
  connection!: string;

  /** A SELECT whose rows to mirror, instead of a table. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_QUERY_CHARS, { message: `query must be at most ${MAX_QUERY_CHARS} characters` })
  @Matches(SELECT_STATEMENT, { message: 'query must be one SELECT (or WITH ... SELECT) statement' })
  query?: string;

  /** Every statement runs read-only and is cancelled after this long. */
  @IntSetting(100, 600_000)
  statement_timeout_ms = 10_000;
}
