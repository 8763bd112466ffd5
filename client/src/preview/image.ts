import { resolveImageLink, dirname } from '../../../server/engine';
import { errorBox } from './errorBox';
import { escapeHtml } from './html';
import type { RenderContext } from './renderContext';

export interface ImageMeta {
  readonly params: Readonly<Record<string, string>>;
}

/** A `/`-separated path relative to `fromDir`, each segment URL-encoded (`aeraki&istio.png`, spaces). */
export function relativeUrl(fromDir: string, to: string): string {
  const from = fromDir.split('/').filter(Boolean);
  const target = to.split('/').filter(Boolean);
  let i = 0;
  while (i < from.length && i < target.length - 1 && from[i] === target[i]) i++;
  const up = from.slice(i).map(() => '..');
  const rel = [...up, ...target.slice(i).map(encodeURIComponent)].join('/');
  return up.length === 0 ? `./${rel}` : rel;
}

const WIDTH = /^\d+(\.\d+)?%$/;

/**
 * `{{< image >}}` as istio.io draws it: a figure at `width` (default 100%) with its caption; `title` defaults to the
 * caption, `alt` to the title, then the caption. The file is found by the site's rule (`resolveImageLink`); a file
 * that is missing, or an external link without `ratio`, fails the site's build, so the figure gets a labelled note.
 */
export function renderImage(meta: ImageMeta, ctx: RenderContext, attrs: string): string {
  const p = meta.params;
  const link = p['link'] ?? '';
  const caption = p['caption'];
  const title = p['title'] ?? caption;
  const alt = p['alt'] ?? title ?? caption ?? '';
  const width = p['width'] !== undefined && WIDTH.test(p['width']) ? p['width'] : '100%';
  const notes: string[] = [];
  if (p['width'] !== undefined && !WIDTH.test(p['width'])) notes.push(`The width "${p['width']}" is not a percentage such as "75%"; shown at 100%.`);
  let src = link;
  if (link.trim() === '') {
    notes.push('This image has no `link`.');
  } else if (ctx.site && ctx.docPath) {
    const r = resolveImageLink(ctx.site.layout, ctx.site.loc, link);
    if (r.kind === 'external') {
      if (p['ratio'] === undefined) notes.push(`An external image needs \`ratio\`: without it the site's build fails ("${link}").`);
    } else if (r.kind === 'file') {
      const exists = ctx.host.fs.stat(r.path)?.isFile === true;
      if (!exists && p['ratio'] === undefined) notes.push(`Image '${link}' was not found (looked for ${r.path.slice(ctx.site.layout.root.length + 1)}).`);
      const relative = relativeUrl(dirname(ctx.docPath), r.path);
      src = ctx.host.resourceUrl(r.path, ctx.env) ?? relative;
      ctx.host.showsImage?.(r.path, relative, ctx.env);
    }
  }
  const img = src ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy">` : '';
  const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '';
  const errors = notes.map((n) => errorBox(n).trimEnd()).join('');
  return `<figure${attrs} style="width: ${escapeHtml(width)}">${img}${figcaption}${errors}</figure>\n`;
}
