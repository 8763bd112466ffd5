import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { findParam } from '../../catalog/shortcodeCatalog';
import { parseFrontmatter } from '../../parser/frontmatter';
import { findBoilerplate } from '../../site/boilerplates';
import { findGlossaryTerm, glossaryDefinition, glossaryTerms } from '../../site/glossary';
import type { OffsetRange } from '../../parser/offsetRange';
import type { ShortcodeNode } from '../../parser/shortcodeTree';
import type { DocumentContext } from '../documentContext';
import type { HoverProvider } from '../feature';
import { paramDocs, shortcodeDocs } from './docs';
import { appliesTo, glossEntry, inRange, nodeOf, paramAt, tagAt } from './lookup';

/** How much of a boilerplate a hover shows. */
const BOILERPLATE_LINES = 12;

/**
 * Hover on a shortcode name: its description and parameters; on a parameter: its docs; on a `gloss` (its entry or
 * inner text): the term's definition from the glossary; on a boilerplate's name: the file's first lines.
 */
export const shortcodeHover: HoverProvider = {
  name: 'shortcode-hover',
  hover(ctx, _position, offset) {
    if (!appliesTo(ctx)) return undefined;
    const tag = tagAt(ctx.parsed, offset);
    if (!tag) return glossInnerHover(ctx, offset);
    const info = ctx.catalog.get(tag.name);
    if (!info) return undefined;
    if (inRange(tag.nameRange, offset)) {
      const node = tag.name === 'gloss' ? nodeOf(ctx.parsed, tag) : undefined;
      const definition = node ? glossHoverText(ctx, node) : undefined;
      return hover(ctx, tag.nameRange, shortcodeDocs(info, ctx.caches) + (definition ? `\n\n---\n\n${definition}` : ''));
    }
    const at = paramAt(tag, offset);
    if (!at) return undefined;
    if (at.on === 'value' && tag.name === 'gloss' && at.param.name === undefined && at.param.index === 0) {
      const node = nodeOf(ctx.parsed, tag);
      const text = node && glossHoverText(ctx, node);
      if (text) return hover(ctx, at.param.valueRange, text);
    }
    if (at.on === 'value' && tag.name === 'boilerplate' && at.param.index === 0 && at.param.name === undefined) {
      const text = boilerplateHoverText(ctx, at.param.value);
      if (text) return hover(ctx, at.param.valueRange, text);
    }
    const p = findParam(info, at.param.name, at.param.index);
    if (!p) return undefined;
    return hover(ctx, at.on === 'name' ? (at.param.nameRange ?? at.param.valueRange) : at.param.valueRange, paramDocs(info, p));
  },
};

function hover(ctx: DocumentContext, range: OffsetRange, value: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: ctx.range(range) };
}

function glossInnerHover(ctx: DocumentContext, offset: number): Hover | undefined {
  for (const node of ctx.parsed.tree.all) {
    if (node.open.name !== 'gloss' || !node.inner || !node.close) continue;
    if (node.open.range.start > offset) break;
    if (offset >= node.inner.start && offset < node.inner.end) {
      const text = glossHoverText(ctx, node);
      return text ? hover(ctx, node.inner, text) : undefined;
    }
  }
  return undefined;
}

function glossHoverText(ctx: DocumentContext, node: ShortcodeNode): string | undefined {
  const site = ctx.site;
  const lang = ctx.location?.lang;
  const entry = glossEntry(ctx.parsed, node);
  if (!site || !lang || !entry) return undefined;
  const term = findGlossaryTerm(glossaryTerms(site, lang) ?? [], entry.entry);
  if (!term) return undefined;
  const definition = glossaryDefinition(site, term);
  return `**${term.title}** (glossary)\n\n${definition ?? ''}`;
}

function boilerplateHoverText(ctx: DocumentContext, name: string): string | undefined {
  const site = ctx.site;
  const lang = ctx.location?.lang;
  if (!site || !lang) return undefined;
  const path = findBoilerplate(site, lang, name);
  const text = path && site.readText(path);
  if (!path || text === undefined) return undefined;
  const fm = parseFrontmatter(text);
  const body = text.slice(fm ? fm.range.end : 0).replace(/^\s+/, '');
  const lines = body.split('\n');
  const shown = lines.slice(0, BOILERPLATE_LINES).join('\n');
  const more = lines.length > BOILERPLATE_LINES ? '\n\n…' : '';
  return `**boilerplate** \`${path.slice(site.layout.contentDir.length + 1)}\`\n\n${shown}${more}`;
}
