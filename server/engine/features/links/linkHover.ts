import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { basename } from '../../site/paths';
import { inSite, type DocumentContext, type SiteDocumentContext } from '../documentContext';
import type { HoverProvider } from '../feature';
import { fileUri } from '../../site/fileUri';
import { isIgnored } from './glob';
import { inspect } from './inspect';
import { collectReferences, referenceAt } from './references';

/** Hovering an image shows it and its size; hovering a page link shows the page's title (and heading). */
export const linkHoverProvider: HoverProvider = {
  name: 'links',
  hover(ctx: DocumentContext, _position, offset): Hover | undefined {
    if (!inSite(ctx)) return undefined;
    const ref = referenceAt(collectReferences(ctx.parsed), offset);
    if (!ref || isIgnored(ref.target, ctx.settings.links?.ignore ?? [])) return undefined;
    const i = inspect(ctx, ref);
    const site = ctx.site;
    const lines: string[] = [];
    const isImage = ref.kind !== 'markdown-link' || /\.(png|jpe?g|gif|svg|webp|ico)$/i.test(i.file ?? '');
    if (i.file && isImage) {
      const name = basename(i.file);
      const stat = site.stat(i.file);
      const size = stat ? formatSize(stat.size) : undefined;
      const dims = /\.svg$/i.test(name) ? svgSize(site.readText(i.file)) : undefined;
      if (stat && stat.size > 0) lines.push(`![${escape(name)}](${fileUri(i.file)})`);
      lines.push(`**${escape(name)}**${size ? ` — ${size}` : ''}${dims ? `, ${dims}` : ''}`);
      lines.push(`\`${relative(ctx, i.file)}\``);
    } else if (i.file === ctx.path) {
      if (i.heading) lines.push(`§ ${escape(i.heading.text)}`);
    } else if (i.file) {
      if (i.title) lines.push(`**${escape(i.title)}**`);
      if (i.heading) lines.push(`§ ${escape(i.heading.text)}`);
      const stat = i.title ? undefined : site.stat(i.file);
      lines.push(`\`${relative(ctx, i.file)}\`${stat ? ` — ${formatSize(stat.size)}` : ''}`);
    } else if (i.notInCheckout) {
      lines.push(i.notInCheckoutReason ?? `\`${ref.target}\` is not in this checkout of the site (no Hugo configuration at its root, so it is treated as an excerpt).`);
    }
    // Problems are not repeated here: the editor shows the diagnostic in the same hover.
    if (lines.length === 0) return undefined;
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: ctx.range(ref.range) };
  },
};

function relative(ctx: SiteDocumentContext, path: string): string {
  const root = ctx.site.layout.root;
  const prefix = root === '/' ? '/' : `${root}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

export function formatSize(bytes: number): string {
  if (bytes === 0) return 'empty file (0 bytes)';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An SVG's size from its `width`/`height` or `viewBox` (what the site measures for its aspect ratio). */
export function svgSize(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const head = text.slice(0, 4000);
  const tag = /<svg\b[^>]*>/i.exec(head)?.[0];
  if (!tag) return undefined;
  const w = /\swidth\s*=\s*["']([\d.]+)(?:px)?["']/i.exec(tag)?.[1];
  const h = /\sheight\s*=\s*["']([\d.]+)(?:px)?["']/i.exec(tag)?.[1];
  if (w && h) return `${w} × ${h}`;
  const vb = /\sviewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*["']/i.exec(tag);
  return vb ? `${vb[1]} × ${vb[2]} (viewBox)` : undefined;
}

function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>])/g, '\\$1');
}
