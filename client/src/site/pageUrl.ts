/**
 * The URL istio.io gives the page at a file path, for the Move Page input's starting value (the server checks what
 * the author types): `content/en/docs/x/index.md` → `/docs/x/`, `content/zh/blog/y.md` → `/zh/blog/y/`. Pure, so it
 * is unit-tested without VS Code.
 */
export function pageUrlOf(fsPath: string): string | undefined {
  const m = /[\\/]content[\\/]([^\\/]+)[\\/](.+)$/.exec(fsPath);
  if (!m) return undefined;
  const lang = m[1]!;
  const rel = m[2]!.replace(/\\/g, '/');
  if (!/\.(md|markdown)$/i.test(rel)) return undefined;
  const page = rel.replace(/(^|\/)_?index\.(md|markdown)$/i, '').replace(/\.(md|markdown)$/i, '');
  const path = `${lang === 'en' ? '' : `/${lang}`}/${page}`.toLowerCase();
  return path.endsWith('/') ? path : `${path}/`;
}
