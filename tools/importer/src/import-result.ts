export interface ImportFailure {
  line: number;
  error: string;
}

/** What an import did, item by item. */
export class ImportResult {
  succeeded = 0;
  readonly failures: ImportFailure[] = [];

  fail(line: number, error: string): void {
    this.failures.push({ line, error });
  }
}

/** Failures listed in the summary; the rest are counted. */
const LISTED_FAILURES = 20;

export function summary(total: number, result: ImportResult, elapsedMs: number): string {
  const perItem = total > 0 ? elapsedMs / total : 0;
  const lines = [
    `total:         ${total}`,
    `succeeded:     ${result.succeeded}`,
    `failed:        ${result.failures.length}`,
    `time:          ${(elapsedMs / 1000).toFixed(2)} s`,
    `time per item: ${perItem.toFixed(3)} ms`,
  ];
  const sorted = [...result.failures].sort((a, b) => a.line - b.line);
  for (const failure of sorted.slice(0, LISTED_FAILURES))
    lines.push(`  line ${failure.line}: ${failure.error}`);
  if (sorted.length > LISTED_FAILURES)
    lines.push(`  ... and ${sorted.length - LISTED_FAILURES} more failures`);
  return lines.join('\n');
}
