/**
 * The `file:` URI of an absolute engine path, written as VS Code writes it, so a URI the server sends compares
 * equal to the one of the same open document: `/a/b c#1.md` → `file:///a/b%20c%231.md`, `C:/x` → `file:///c%3A/x`.
 */
export function fileUri(path: string): string {
  const p = path.startsWith('/') ? path : `/${path.replace(/^([A-Za-z]):/, (_, d: string) => `${d.toLowerCase()}:`)}`;
  return `file://${p.split('/').map(encodeURIComponent).join('/')}`;
}
