import { isScalar, isSeq } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveImageLink, resolveLink } from '../../site/resolve';
import { LANGUAGE_PREFIX_LINT } from '../../site/linkRules';
import { DEFAULT_LANGUAGE } from '../../site/siteLayout';
import type { MarkdownLink } from '../../parser/markdown';
import { anyContains, type OffsetRange } from '../../parser/offsetRange';
import { tagHolding } from '../../parser/shortcodes';
import { diagnostic, type DiagnosticCode } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import { linkByTargetStart } from './linkAt';

/**
 * The script's greps over every zh page (the file itself, code included), each `grep -E` pattern as written:
 * `- (/docs|/about|/blog|/faq|/news)` ("Ensure translated content doesn't include aliases for English content"), then
 * `"(/docs|…)` and `\((/docs|…)` ("… doesn't include references to English content"). They match a prefix (`/blogs`
 * too) anywhere on a line: a list item, a shortcode's `link="…"`, a path in a text block, an HTML `href`.
 */
interface PathGrep {
  readonly code: DiagnosticCode;
  /** Characters before the path (`- `, `"`, `(`). */
  readonly lead: string;
  readonly message: string;
}

const GREPS: readonly PathGrep[] = [
  { code: 'lint.english-alias', lead: '- ', message: "Fails `make lint` (\"Ensure translated content doesn't include aliases for English content\")" },
  { code: 'lint.english-reference', lead: '"', message: "Fails `make lint` (\"Ensure translated content doesn't include references to English content\")" },
  { code: 'lint.english-reference', lead: '(', message: "Fails `make lint` (\"Ensure translated content doesn't include references to English content\")" },
];

/** The site's list (server/data/links.json, the same sections as the script's alternatives). */
function sectionsOf(lang: string): readonly string[] {
  return LANGUAGE_PREFIX_LINT.get(lang) ?? [];
}

export function englishPathDiagnostics(ctx: DocumentContext, lang: string): Diagnostic[] {
  const sections = sectionsOf(lang);
  const text = ctx.parsed.text;
  const out: Diagnostic[] = [];
  if (!sections.length || !sections.some((s) => text.includes(`/${s}`))) return out;
  const alternatives = sections.map((s) => `/${s}`).join('|');
  const aliases = reportedAliases(ctx, sections).sort((a, b) => a.start - b.start);
  const linkAt = linkByTargetStart(ctx.parsed);
  for (const grep of GREPS) {
    const pattern = new RegExp(`${grep.lead.replace(/[()]/g, '\\$&')}(${alternatives})`, 'g');
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(text))) {
      const start = m.index + grep.lead.length;
      // One finding per fault: the alias and link checks already report these (with the same fix).
      if (anyContains(aliases, start) || reportedByLinkCheck(ctx, linkAt(start), sections) || reportedByImageCheck(ctx, start, lang)) continue;
      const end = pathEnd(text, start);
      const path = text.slice(start, end);
      out.push(
        diagnostic(ctx, { start, end }, grep.code, `${grep.message}: a ${lang} page writes \`/${lang}${path}\`.`, {
          fixes: [{ title: `Use \`/${lang}${path}\``, edits: [{ range: ctx.range({ start, end: start }), newText: `/${lang}` }], isPreferred: true }],
        }),
      );
    }
  }
  return out;
}

/** Where a path written at `start` ends: at white space, a quote, a bracket or `>`. */
function pathEnd(text: string, start: number): number {
  const m = /[\s"'<>()[\]]/.exec(text.slice(start, start + 2000));
  return m ? start + m.index : Math.min(text.length, start + 2000);
}

/** The frontmatter aliases that `frontmatter.alias-language` reports (an English path, in a translation). */
function reportedAliases(ctx: DocumentContext, sections: readonly string[]): OffsetRange[] {
  const fm = ctx.parsed.frontmatter;
  const entry = fm?.byKey.get('aliases');
  if (!fm || !entry) return [];
  const root = new RegExp(`^/(${sections.join('|')})(/|$)`);
  // Most aliases are fine, and their values tell (as in frontmatter/aliasLanguage.ts): without `valueNode`, which
  // makes the YAML library parse a frontmatter the fast path read (3 % of a CLI check). Only a value the nodes could
  // disagree with (an `*alias`, a nested list) goes further.
  const value = entry.value;
  const plainStrings = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
  if (plainStrings && !plainStrings.some((v) => root.test(v))) return [];
  const node = entry.valueNode;
  const items = isSeq(node) ? node.items : isScalar(node) ? [node] : [];
  const out: OffsetRange[] = [];
  for (const item of items) {
    if (isScalar(item) && typeof item.value === 'string' && item.range && root.test(item.value)) {
      out.push({ start: fm.contentRange.start + item.range[0], end: fm.contentRange.start + item.range[1] });
    }
  }
  return out;
}

/** A Markdown link to an English page that `link.missing-language-prefix` reports (links/inspect.ts `checkPage`). */
function reportedByLinkCheck(ctx: DocumentContext, link: MarkdownLink | undefined, sections: readonly string[]): boolean {
  if (!ctx.site || !ctx.location) return false;
  if (!link || link.kind === 'image' || link.hasShortcode) return false;
  const r = resolveLink(ctx.site.layout, ctx.location, link.target);
  if (r.kind !== 'page' || r.lang !== DEFAULT_LANGUAGE) return false;
  const written = link.target.trim();
  return sections.some((s) => written === `/${s}` || written.startsWith(`/${s}/`) || written.startsWith(`/${s}#`));
}

/**
 * An image shortcode's `link="/docs/x.svg"` that `image.missing-language-prefix` reports (links/inspect.ts
 * `missingLanguagePrefix`: the file is missing under `content/`, and the language's own copy exists).
 */
function reportedByImageCheck(ctx: DocumentContext, start: number, lang: string): boolean {
  const site = ctx.site;
  if (!site || !ctx.location) return false;
  // The one tag that can hold a parameter starting there (searching every tag for each path was quadratic).
  const tag = tagHolding(ctx.parsed.shortcodes.tags, start);
  if (!tag || tag.kind !== 'open' || tag.name !== 'image' || tag.unterminated) return false;
  const link = tag.params.find((p) => p.name === 'link' && p.innerRange.start === start);
  if (!link || link.unterminated) return false;
  const r = resolveImageLink(site.layout, ctx.location, link.value);
  if (r.kind !== 'file' || site.exists(r.path)) return false;
  const own = `${site.layout.contentDir}/${lang}${link.value.split(/[?#]/)[0]}`;
  ctx.dependsOn(own);
  return site.exists(own);
}
