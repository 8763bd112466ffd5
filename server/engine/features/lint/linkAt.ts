import type { MarkdownLink } from '../../parser/markdown';
import type { ParsedDocument } from '../../parser/parsedDocument';

/**
 * The page's first Markdown link whose target starts at an offset, by a map built at the first question: the lint
 * rules that leave a link's fault to the link check ask once per URL they match, and searching the links each time
 * made a page of links quadratic (a zh page of 800 KB of `[a](/docs/a/)`: 5 s).
 */
export function linkByTargetStart(parsed: ParsedDocument): (start: number) => MarkdownLink | undefined {
  let byStart: Map<number, MarkdownLink> | undefined;
  return (start) => {
    if (!byStart) {
      byStart = new Map();
      for (const link of parsed.markdown.links) if (!byStart.has(link.targetRange.start)) byStart.set(link.targetRange.start, link);
    }
    return byStart.get(start);
  };
}
