const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

/** A column value as document text: null is empty, dates are ISO 8601, objects JSON. */
function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Renders "{{title}}\n{{body}}" over a row; a column the row lacks is an error, never silence. */
export function renderRow(template: string, row: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, column: string) => {
    if (!(column in row))
      throw new Error(`template names column ${column}, which the table or query does not return`);
    return asText(row[column]);
  });
}

/** Metadata-safe copy of a column value (JSON-able). */
export function metadataValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return value ?? null;
}
