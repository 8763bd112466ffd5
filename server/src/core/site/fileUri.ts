/** The `file:` URI of an absolute engine path (`/a/b c.md` → `file:///a/b%20c.md`, `C:/x` → `file:///C:/x`), like Node's `pathToFileURL`. */
export function fileUri(path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return 'file://' + encodeURI(p).replace(/[?#]/g, (c) => (c === '?' ? '%3F' : '%23'));
}
