import type MarkdownIt from 'markdown-it';
import type { Options, Renderer, Token } from 'markdown-it';
import { textLinkBase } from '../../../server/engine';
import { shortcodeBlock, type ErrorMeta } from './blockRules';
import { renderBoilerplate, type BoilerplateMeta } from './boilerplate';
import { renderCalloutClose, renderCalloutOpen, type CalloutMeta } from './callouts';
import { describe, errorBadge, errorBox } from './errorBox';
import { frontMatterBlock, renderFrontMatterHeader, type FrontMatterMeta } from './frontmatterHeader';
import { renderGlossOpen } from './gloss';
import { stripHeadingIds } from './headingIds';
import { attrsOf, escapeHtml } from './html';
import { renderImage, type ImageMeta } from './image';
import { shortcodeInline, type BadgeMeta, type GlossMeta } from './inlineRules';
import { ICONS, siteTemplateMessage } from './kinds';
import type { PreviewHost } from './previewHost';
import { renderContext, type RenderContext } from './renderContext';
import { DROPPED_LABEL, renderTabOpen, renderTabsetOpen, type TabMeta, type TabsetMeta } from './tabs';
import { renderTextBody, type TextMeta } from './textBlock';
import { substituteValues } from './urlShortcodes';

/**
 * Whether the page's site defines the shortcode itself (`layouts/shortcodes/<name>.html`, in its catalog): then it is
 * not unknown, only not drawn. Checked at render time, where the document (and so its site) is known.
 */
function hasSiteTemplate(ctx: RenderContext, name: string): boolean {
  return ctx.site !== undefined && ctx.catalog.get(name)?.origin === 'template';
}

/**
 * A document outside any Hugo content tree (a README, notes, another kind of site): `{{< … >}}` there is not one of
 * istio.io's shortcodes, so what the preview cannot draw stays the text it is, without istio.io's error boxes.
 */
function outsideSite(ctx: RenderContext): boolean {
  return ctx.docPath !== undefined && ctx.site === undefined;
}

type Render = (token: Token, ctx: RenderContext, options: Options, tokens: Token[], idx: number, self: Renderer) => string;

/**
 * The markdown-it plugin for VS Code's Markdown preview: istio.io's shortcodes drawn close to how the site shows them.
 * Parse rules only shape tokens (VS Code parses without the document and caches the tokens); the render rules
 * look up what depends on the document (image files, boilerplates, glossary) through `host`. Any exception in a
 * render rule becomes an error box: the preview always renders.
 */
export function istioPreviewPlugin(md: MarkdownIt, host: PreviewHost): void {
  md.core.ruler.after('normalize', 'istio_values', substituteValues(host));
  md.core.ruler.after('block', 'istio_heading_ids', stripHeadingIds);
  // Before `code`: shortcodes inside list items are indented by 4, which would otherwise make them code.
  md.block.ruler.before('code', 'istio_front_matter', frontMatterBlock);
  md.block.ruler.before('code', 'istio_shortcode', shortcodeBlock(host), { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
  md.inline.ruler.before('text', 'istio_shortcode', shortcodeInline(host));

  const rule = (type: string, render: Render): void => {
    md.renderer.rules[type] = (tokens, idx, options, env: unknown, self) => {
      const token = tokens[idx]!;
      try {
        return render(token, renderContext(host, env), options, tokens, idx, self);
      } catch (e) {
        const message = `The preview failed to draw this: ${describe(e)}`;
        return token.block ? errorBox(message, undefined, attrsOf(token, 'istio-error')) : errorBadge(message);
      }
    };
  };

  rule('istio_front_matter', (t, ctx, options, tokens, idx, self) => {
    if (ctx.site) return renderFrontMatterHeader(t.meta as FrontMatterMeta, t);
    // Outside a content tree, VS Code's own rendering (its `markdown.preview.frontMatter` setting), read at render
    // time: VS Code adds its rule after the plugins. Its token has the same `meta.content`.
    const vscodeRule = md.renderer.rules['front_matter'];
    return vscodeRule ? vscodeRule(tokens, idx, options, ctx.env, self) : '';
  });
  rule('istio_error', (t, ctx) => {
    const meta = t.meta as ErrorMeta;
    if (outsideSite(ctx) && meta.source !== undefined) return `<p${attrsOf(t, '')}>${escapeHtml(meta.source)}</p>\n`;
    return errorBox(meta.message, meta.source, attrsOf(t, 'istio-error'));
  });
  rule('istio_badge', (t, ctx) => {
    const meta = t.meta as BadgeMeta;
    if (outsideSite(ctx) && meta.source !== undefined) return meta.textFollows ? '' : escapeHtml(meta.source);
    if (meta.unknown !== undefined && hasSiteTemplate(ctx, meta.unknown)) return errorBadge(siteTemplateMessage(meta.unknown), meta.source, 'istio-note-badge');
    return errorBadge(meta.message, meta.source, meta.error ? 'istio-error-badge' : 'istio-note-badge');
  });
  rule('istio_placeholder', (t, ctx) => {
    const meta = t.meta as { name: string; message: string; error: boolean; source: string };
    if (outsideSite(ctx)) return `<p${attrsOf(t, '')}>${escapeHtml(meta.source)}</p>\n`;
    if (meta.error && hasSiteTemplate(ctx, meta.name)) return errorBox(siteTemplateMessage(meta.name), meta.source, attrsOf(t, 'istio-placeholder'));
    return errorBox(meta.message, meta.source, attrsOf(t, meta.error ? 'istio-error' : 'istio-placeholder'));
  });
  rule('istio_image', (t, ctx) => renderImage(t.meta as ImageMeta, ctx, attrsOf(t, 'istio-figure')));
  rule('istio_callout_open', (t) => {
    const meta = t.meta as CalloutMeta;
    return renderCalloutOpen(meta, attrsOf(t, `istio-callout istio-callout-${meta.name}`));
  });
  rule('istio_callout_close', (t) => renderCalloutClose(t.meta as CalloutMeta));
  rule('istio_centered_open', (t) => {
    const cls = (t.meta as { className: string | undefined }).className;
    return `<div${attrsOf(t, `istio-centered${cls ? ` ${cls}` : ''}`)}>\n`;
  });
  rule('istio_centered_close', () => '</div>\n');
  rule('istio_tabset_open', (t) => renderTabsetOpen(t.meta as TabsetMeta, attrsOf(t, 'istio-tabset')));
  rule('istio_tabset_close', () => '</div>\n');
  rule('istio_tab_open', (t) => {
    const meta = t.meta as TabMeta;
    const note = meta.orphan ? errorBox('Missing surrounding tabset for tab: the site\'s build fails.').trimEnd() : '';
    return renderTabOpen(meta, attrsOf(t, 'istio-tab'), note);
  });
  rule('istio_tab_close', () => '</section>\n');
  rule('istio_dropped_open', (t) => `<div${attrsOf(t, 'istio-dropped')}><div class="istio-dropped-label">${escapeHtml(DROPPED_LABEL)}</div>\n`);
  rule('istio_dropped_close', () => '</div>\n');
  rule('istio_text', (t, ctx, options) => {
    const meta = t.meta as TextMeta;
    const base = textLinkBase(ctx.values).replace('/istio/istio/', `/istio/${meta.repo}/`);
    const body = renderTextBody(meta, t.content, options, base);
    const syntax = meta.syntax || 'plain';
    return `<pre${attrsOf(t, `istio-text hljs`)} data-syntax="${escapeHtml(syntax)}"><code class="language-${escapeHtml(syntax)}">${body}</code></pre>\n`;
  });
  rule('istio_boilerplate', (t, ctx) => renderBoilerplate(md, t.meta as BoilerplateMeta, ctx, attrsOf(t, 'istio-boilerplate'), attrsOf(t, 'istio-error'), attrsOf(t, 'istio-placeholder')));
  rule('istio_gloss_open', (t, ctx) => renderGlossOpen(t.meta as GlossMeta, ctx));
  rule('istio_gloss_close', () => '</span>');
  rule('istio_icon', (t) => {
    const name = (t.meta as { name: string }).name;
    return `<span class="istio-icon istio-${escapeHtml(name)}" aria-label="${escapeHtml(name.replace(/_icon$/, ''))}">${ICONS[name] ?? ''}</span>`;
  });
}
