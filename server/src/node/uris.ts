import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `uriToPath`'s answers: the server asks again for the same documents all the time (its validation queue checks
 * whether a parked page's site is indexed on each step), and `fileURLToPath` parses a URL each time (5 % of the
 * server's time with the whole site open). Bounded: cleared when it holds more URIs than istio.io has files, times five.
 */
const PATHS = new Map<string, string | undefined>();
const MAX_PATHS = 20_000;

/** The engine's path for a `file:` URI (forward slashes on every platform); `undefined` for other schemes. */
export function uriToPath(uri: string): string | undefined {
  if (PATHS.has(uri)) return PATHS.get(uri);
  const path = convert(uri);
  if (PATHS.size >= MAX_PATHS) PATHS.clear();
  PATHS.set(uri, path);
  return path;
}

function convert(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}
