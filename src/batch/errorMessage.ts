/** "source: message", without repeating the source when the error already names it. */
export function errorMessage(source: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith(source) ? message : `${source}: ${message}`;
}
