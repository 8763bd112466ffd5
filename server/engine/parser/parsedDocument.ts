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

export function parseDocument(text: string, catalog: ShortcodeCatalog): ParsedDocument {
  const frontmatter = parseFrontmatter(text);
  const bodyStart = frontmatter ? frontmatter.range.end : 0;
  const shortcodes = scanShortcodes(text, bodyStart);
  const tree = buildShortcodeTree(shortcodes.tags, (name) => catalog.get(name)?.inner);

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
