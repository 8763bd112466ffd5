import type { ShortcodeCatalog } from '../catalog/shortcodeCatalog';
import { parseFrontmatter, type Frontmatter } from './frontmatter';
import { scanMarkdown, type MarkdownScan } from './markdown';
import { RegionSet, type OffsetRange } from './offsetRange';
import { buildShortcodeTree, type ShortcodeTree } from './shortcodeTree';
import { scanShortcodes, type ShortcodeScan } from './shortcodes';

/** Shortcodes whose bodies are code, not Markdown: links and headings inside are not links and headings. */
const CODE_SHORTCODES = new Set(['text', 'mermaid']);

/** Everything the features need to know about one document's text, computed once per version. */
export interface ParsedDocument {
  readonly text: string;
  /** `undefined` when the document has no frontmatter at all. */
  readonly frontmatter: Frontmatter | undefined;
  /** Where the Markdown body starts (after the frontmatter). */
  readonly bodyStart: number;
  readonly shortcodes: ShortcodeScan;
  readonly tree: ShortcodeTree;
  readonly markdown: MarkdownScan;
  /** Frontmatter, escaped shortcode examples and code bodies: not Markdown. */
  readonly nonMarkdown: RegionSet;
}

/** The shortcodes of a text and how they pair: the part of the document model a fragment of Markdown has too. */
export type ShortcodeModel = Pick<ParsedDocument, 'shortcodes' | 'tree'>;

/**
 * The shortcodes of `text` from `from` on, paired by the catalog's `inner` (Hugo requires a closing tag exactly when
 * the template reads `.Inner`, so a site's own template decides for its name). The one pairing rule for the whole
 * document and for fragments of it (the preview's inline runs).
 */
export function parseShortcodes(text: string, catalog: ShortcodeCatalog, from = 0): ShortcodeModel {
  const shortcodes = scanShortcodes(text, from);
  return { shortcodes, tree: buildShortcodeTree(shortcodes.tags, (name) => catalog.get(name)?.inner) };
}

export function parseDocument(text: string, catalog: ShortcodeCatalog): ParsedDocument {
  const frontmatter = parseFrontmatter(text);
  const bodyStart = frontmatter ? frontmatter.range.end : 0;
  const { shortcodes, tree } = parseShortcodes(text, catalog, bodyStart);

  const skip: OffsetRange[] = [...shortcodes.escaped];
  if (frontmatter) skip.push(frontmatter.range);
  for (const node of tree.all) {
    if (CODE_SHORTCODES.has(node.open.name) && node.inner && node.close) {
      skip.push({ start: node.open.range.start, end: node.close.range.end });
    }
  }
  const nonMarkdown = new RegionSet(skip);
  const markdown = scanMarkdown(text, bodyStart, nonMarkdown);
  return { text, frontmatter, bodyStart, shortcodes, tree, markdown, nonMarkdown };
}
