import { plainText, findGlossaryTerm, glossaryDefinition, glossaryTerms, type GlossaryTerm } from '../../../server/engine';
import { errorBadge } from './errorBox';
import { escapeHtml } from './html';
import type { GlossMeta } from './inlineRules';
import { EXCERPT_NOTE, isExcerpt, type RenderContext } from './renderContext';

/** Glossary terms per render and language: a post with 20 terms lists the glossary once. */
const termsByContext = new WeakMap<RenderContext, Map<string, readonly GlossaryTerm[] | undefined>>();

function terms(ctx: RenderContext, lang: string): readonly GlossaryTerm[] | undefined {
  let byLang = termsByContext.get(ctx);
  if (!byLang) {
    byLang = new Map();
    termsByContext.set(ctx, byLang);
  }
  if (!byLang.has(lang)) byLang.set(lang, ctx.site ? glossaryTerms(ctx.site.index, lang) : undefined);
  return byLang.get(lang);
}

/**
 * The opening of a `gloss` term: the term with its definition as a hover (`title`), looked up as `gloss.html` does
 * (the term file's `title`, case-insensitively, in the page's language). An unknown term gets a badge.
 */
export function renderGlossOpen(meta: GlossMeta, ctx: RenderContext): string {
  if (!ctx.site) return '<span class="istio-gloss">';
  const all = terms(ctx, ctx.site.loc.lang);
  const term = all ? findGlossaryTerm(all, meta.entry) : undefined;
  if (!term) {
    const where = `content/${ctx.site.loc.lang}/docs/reference/glossary/`;
    const badge = isExcerpt(ctx)
      ? errorBadge(`The glossary term "${meta.entry}" is ${EXCERPT_NOTE}.`, undefined, 'istio-note-badge')
      : errorBadge(`No glossary term titled "${meta.entry}" in ${where}.`);
    return `${badge}<span class="istio-gloss istio-gloss-unknown">`;
  }
  const definition = plainText(glossaryDefinition(ctx.site.index, term) ?? '').replace(/\s+/g, ' ').trim();
  return `<span class="istio-gloss" tabindex="0" title="${escapeHtml(`${term.title}: ${definition}`)}">`;
}
