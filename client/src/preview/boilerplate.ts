import type MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { parseFrontmatter, findBoilerplate } from '../../../server/engine';
import { errorBox } from './errorBox';
import { escapeHtml } from './html';
import { CONTEXT_KEY, EXCERPT_NOTE, isExcerpt, nestedContext, type RenderContext } from './renderContext';

export interface BoilerplateMeta {
  readonly name: string;
}

/** Nesting deeper than this is a loop the name check missed (`a` → `a-b` → …). */
const MAX_DEPTH = 5;

/** Removes the scroll-sync attributes VS Code adds to tokens: a boilerplate's lines are not the page's lines. */
function stripSourceMaps(tokens: Token[]): void {
  for (const t of tokens) {
    t.map = null;
    if (t.attrs) {
      t.attrs = t.attrs.filter(([k]) => k !== 'data-line' && k !== 'dir');
      const cls = t.attrGet('class');
      if (cls !== null) {
        const rest = cls.split(' ').filter((c) => c !== 'code-line').join(' ');
        t.attrs = t.attrs.filter(([k]) => k !== 'class');
        if (rest) t.attrSet('class', rest);
      }
      if (t.attrs.length === 0) t.attrs = null;
    }
    if (t.children) stripSourceMaps(t.children);
  }
}

/**
 * `{{< boilerplate name >}}`: `content/<page-lang>/boilerplates/<name>.md` rendered as Markdown in place, with the
 * page's context (its language, its image rule), as Hugo inserts it.
 */
export function renderBoilerplate(md: MarkdownIt, meta: BoilerplateMeta, ctx: RenderContext, attrs: string, errorAttrs: string, noteAttrs: string): string {
  if (!ctx.site) return errorBox(`Boilerplate "${meta.name}": this page is not under a content/<lang>/ folder, so the file cannot be found.`, undefined, errorAttrs);
  if (meta.name === '') return errorBox('`boilerplate` needs the name of a file in content/<lang>/boilerplates/.', undefined, errorAttrs);
  const lang = ctx.site.loc.lang;
  const path = findBoilerplate(ctx.site.index, lang, meta.name);
  if (!path && isExcerpt(ctx)) return errorBox(`Boilerplate "${meta.name}" is ${EXCERPT_NOTE}.`, undefined, noteAttrs);
  if (!path) return errorBox(`Boilerplate "${meta.name}" was not found in content/${lang}/boilerplates/.`, undefined, errorAttrs);
  if (ctx.boilerplates.includes(meta.name) || ctx.boilerplates.length >= MAX_DEPTH) {
    return errorBox(`Boilerplate "${meta.name}" includes itself (${[...ctx.boilerplates, meta.name].join(' → ')}).`, undefined, errorAttrs);
  }
  const text = ctx.host.fs.readText(path);
  if (text === undefined) return errorBox(`Boilerplate "${meta.name}" could not be read.`, undefined, errorAttrs);
  const fm = parseFrontmatter(text, { fast: true });
  const body = text.slice(fm?.closed ? fm.range.end : 0);
  const base = ctx.env && typeof ctx.env === 'object' ? ctx.env : {};
  const env = { ...base, [CONTEXT_KEY]: nestedContext(ctx, meta.name) };
  const tokens = md.parse(body, env);
  stripSourceMaps(tokens);
  const html = md.renderer.render(tokens, md.options, env);
  return `<div${attrs} title="${escapeHtml(`boilerplate: ${meta.name}`)}">\n${html}</div>\n`;
}
