/** A `file:` URI for an engine path (`/a/b c.png` → `file:///a/b%20c.png`; `C:/x` → `file:///c%3A/x`, as VS Code writes it). */
export function fileUri(path: string): string {
  const p = path.startsWith('/') ? path : `/${path.replace(/^([A-Za-z]):/, (_, d: string) => `${d.toLowerCase()}:`)}`;
  return `file://${p.split('/').map(encodeURIComponent).join('/')}`;
}
