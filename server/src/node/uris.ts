import { fileURLToPath, pathToFileURL } from 'node:url';

/** The engine's path for a `file:` URI (forward slashes on every platform); `undefined` for other schemes. */
export function uriToPath(uri: string): string | undefined {
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
