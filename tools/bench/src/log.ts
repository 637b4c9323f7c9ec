const started = Date.now();

/** Progress on stderr with the time since start: stdout carries only the results. */
export function log(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(7);
  process.stderr.write(`[${seconds}s] ${message}\n`);
}
