/**
 * What the logs say of a thrown value: an error's stack (its message when it has none), or the value as text. One
 * place, so that the server, the CLI and the engine's reports read alike.
 */
export function errorText(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
