/** A result table: Markdown-shaped, so it reads in a terminal and pastes into docs. */
export interface Table {
  title: string;
  headers: string[];
  rows: string[][];
  /** Lines printed under the table (what was measured how, caveats). */
  notes?: string[];
}

/** First column left-aligned (labels), the others right-aligned (figures). */
export function renderTable(table: Table): string {
  const widths = table.headers.map((header, column) =>
    Math.max(header.length, ...table.rows.map((cells) => (cells[column] ?? '').length), 3),
  );
  const line = (cells: string[]): string =>
    `| ${widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join(' | ')} |`;
  const rule = `|${widths
    .map((width, column) =>
      column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`,
    )
    .join('|')}|`;
  const out = [`### ${table.title}`, '', line(table.headers), rule, ...table.rows.map(line)];
  if (table.notes && table.notes.length > 0)
    out.push('', ...table.notes.map((note) => `- ${note}`));
  return `${out.join('\n')}\n`;
}
