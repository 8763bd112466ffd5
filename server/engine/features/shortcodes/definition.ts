import type { Definition } from 'vscode-languageserver-types';
import { findBoilerplate } from '../../site/boilerplates';
import { fileUri } from '../../site/fileUri';
import { findGlossaryTerm, glossaryTerms } from '../../site/glossary';
import type { DefinitionProvider } from '../feature';
import type { ShortcodeNode } from '../../parser/shortcodeTree';
import type { DocumentContext } from '../documentContext';
import { appliesTo, glossEntry, inRange, nodeOf, paramAt, tagAt } from './lookup';

/**
 * Go to definition: a shortcode name → `layouts/shortcodes/<name>.html` (when the workspace has it);
 * a boilerplate's name → its file; a `gloss` entry or inner text → its glossary file.
 */
export const shortcodeDefinition: DefinitionProvider = {
  name: 'shortcode-definition',
  definition(ctx, _position, offset) {
    if (!appliesTo(ctx)) return undefined;
    const tag = tagAt(ctx.parsed, offset);
    if (tag && inRange(tag.nameRange, offset)) {
      const path = ctx.catalog.get(tag.name)?.templatePath;
      return path ? at(path) : undefined;
    }
    if (tag) {
      const p = paramAt(tag, offset);
      if (!p || p.on !== 'value' || p.param.name !== undefined || p.param.index !== 0) return undefined;
      if (tag.name === 'boilerplate') {
        const path = ctx.site && ctx.location && findBoilerplate(ctx.site, ctx.location.lang, p.param.value);
        return path ? at(path) : undefined;
      }
      if (tag.name === 'gloss') return glossTarget(ctx, nodeOf(ctx.parsed, tag));
      return undefined;
    }
    for (const node of ctx.parsed.tree.all) {
      if (node.open.name === 'gloss' && node.inner && node.close && offset >= node.inner.start && offset < node.inner.end) return glossTarget(ctx, node);
    }
    return undefined;
  },
};

function at(path: string): Definition {
  return { uri: fileUri(path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

function glossTarget(ctx: DocumentContext, node: ShortcodeNode | undefined): Definition | undefined {
  if (!node || !ctx.site || !ctx.location) return undefined;
  const entry = glossEntry(ctx.parsed, node);
  const term = entry && findGlossaryTerm(glossaryTerms(ctx.site, ctx.location.lang) ?? [], entry.entry);
  return term ? at(term.path) : undefined;
}
