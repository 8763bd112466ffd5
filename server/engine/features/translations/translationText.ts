/**
 * The text of a new translation: the source page with its links pointing at the target language's pages and every
 * heading carrying the id Hugo gives the source heading. That is what the site's translators write (96–98 % of zh and
 * uk headings carry an explicit `{#id}` equal to the English automatic id), so `#anchor` links from every language and
 * the translation-drift check keep working once the heading text is translated.
 */
import { isScalar, isSeq } from 'yaml';
import { RegionSet, type OffsetRange } from '../../parser/offsetRange';
import type { ParsedDocument } from '../../parser/parsedDocument';
import { LANGUAGE_PREFIX_LINT } from '../../site/linkRules';
import { linkInLanguage, type LinkPlace, type TranslationTarget } from './languageLinks';

export interface TranslationText {
  readonly text: string;
  /** Links rewritten for the target language. */
  readonly links: number;
  /** Headings given the source heading's id. */
  readonly headingIds: number;
}

interface Edit extends OffsetRange {
  readonly newText: string;
}

export function translationText(parsed: ParsedDocument, target: TranslationTarget): TranslationText {
  const markdownLinks = linkEdits(parsed, target);
  const links = [...markdownLinks, ...lintPathEdits(parsed, target, markdownLinks)];
  const ids = headingIdEdits(parsed);
  return { text: applyEdits(parsed.text, [...links, ...ids]), links: links.length, headingIds: ids.length };
}

/**
 * A `{#id}` after every heading without one: the id Hugo gives it in the source (deduplicated as on the source page),
 * so the translated heading keeps it. A heading whose automatic id holds a shortcode has no stable id to keep, and an
 * empty heading none worth keeping.
 */
function headingIdEdits(parsed: ParsedDocument): Edit[] {
  const out: Edit[] = [];
  for (const h of parsed.markdown.headings) {
    if (h.explicitId || h.unstableId || h.text === '') continue;
    const line = parsed.text.slice(h.range.start, h.range.end);
    const at = h.range.start + line.replace(/[ \t]+$/, '').length;
    out.push({ start: at, end: at, newText: ` {#${h.id}}` });
  }
  return out;
}

/** Root-relative links rewritten by `linkInLanguage`; links inside code, text blocks and escaped examples are text. */
function linkEdits(parsed: ParsedDocument, target: TranslationTarget): Edit[] {
  const out: Edit[] = [];
  const add = (range: OffsetRange, place: LinkPlace): void => {
    const written = parsed.text.slice(range.start, range.end);
    const moved = linkInLanguage(target, written, place);
    if (moved !== undefined) out.push({ ...range, newText: moved });
  };
  for (const l of parsed.markdown.links) if (!l.hasShortcode) add(l.targetRange, 'markdown');
  for (const tag of parsed.shortcodes.tags) {
    if (tag.kind !== 'open' || tag.name !== 'image' || tag.unterminated) continue;
    if (parsed.nonMarkdown.find(tag.range.start) || parsed.markdown.fences.find(tag.range.start)) continue;
    const link = tag.params.find((p) => p.name === 'link');
    // A value with escapes (`\"`) is left as written: its text is not the link.
    if (link && !link.unterminated && parsed.text.slice(link.innerRange.start, link.innerRange.end) === link.value) add(link.innerRange, 'image-shortcode');
  }
  const fm = parsed.frontmatter;
  const social = fm?.byKey.get('social_image');
  if (social && typeof social.value === 'string') add(unquoted(parsed.text, social.valueRange), 'social-image');
  const aliases = fm?.byKey.get('aliases');
  if (fm && aliases) {
    const node = aliases.valueNode;
    const items: readonly unknown[] = isSeq(node) ? node.items : node ? [node] : [];
    for (const item of items) {
      const range = scalarRange(item, fm.contentRange.start);
      if (range) add(unquoted(parsed.text, range), 'alias');
    }
  }
  return out;
}

/**
 * Paths the site's zh lint greps for (`(/docs`, `"/docs`, `- /docs` anywhere on a line) that are no link to Markdown:
 * a link broken over two lines (`[text]` then `(/docs/…)` on the next one, as en 2018/egress-monitoring-access-control
 * writes it) renders as text, yet `make lint` rejects the zh page that keeps it. Prose only: text blocks, fences and
 * the frontmatter and shortcode tags are left to their own rules; each path is moved as a Markdown link would be.
 */
function lintPathEdits(parsed: ParsedDocument, target: TranslationTarget, done: readonly Edit[]): Edit[] {
  const sections = LANGUAGE_PREFIX_LINT.get(target.lang);
  if (!sections?.length) return [];
  const text = parsed.text;
  const from = parsed.frontmatter?.range.end ?? 0;
  const taken = new Set(done.map((e) => e.start));
  // A shortcode's `link="/…"` is the image rule's (`linkInLanguage`'s 'image-shortcode' place), already applied.
  const tags = new RegionSet(parsed.shortcodes.tags.map((t) => t.range));
  // The sections are plain words (`docs`, `blog`, …), as the script's alternatives.
  const pattern = new RegExp(`(?:\\(|"|- )(?=/(?:${sections.join('|')}))`, 'g');
  pattern.lastIndex = from;
  const out: Edit[] = [];
  // Inline code is kept as written, as in linkEdits: a backtick count kept from the line's start (one pass, the
  // matches come in order).
  let cursor = from;
  let inCode = false;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    const start = m.index + m[0].length;
    for (; cursor < start; cursor++) {
      const c = text[cursor];
      if (c === '\n') inCode = false;
      else if (c === '`') inCode = !inCode;
    }
    if (inCode || taken.has(start) || tags.has(start) || parsed.nonMarkdown.find(start) || parsed.markdown.fences.find(start)) continue;
    let end = start;
    while (end < text.length && !/[\s"'()[\]<>]/.test(text[end]!)) end++;
    const written = text.slice(start, end);
    const moved = linkInLanguage(target, written, 'markdown');
    if (moved !== undefined) out.push({ start, end, newText: moved });
  }
  return out;
}

/** A YAML scalar's value span in the document (the library's ranges are relative to the frontmatter's text). */
function scalarRange(node: unknown, base: number): OffsetRange | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  return { start: base + start, end: base + end };
}

/** The span inside quotes, for a quoted YAML scalar. */
function unquoted(text: string, r: OffsetRange): OffsetRange {
  const q = text[r.start];
  return (q === '"' || q === "'") && r.end - r.start >= 2 && text[r.end - 1] === q ? { start: r.start + 1, end: r.end - 1 } : r;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
