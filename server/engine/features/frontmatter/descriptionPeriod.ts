import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';
import { isHeadless, type PageFrontmatter } from './pageFrontmatter';

/** CJK text ends with the ideographic full stop. */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * The site's base template fails the build ("Page description doesn't end with a period") when a rendered
 * page's description ends with neither `.` nor `。`. Headless bundles are never rendered; a draft is not rendered
 * until it is published, which diagnostics/draft.ts says for every such check.
 */
export function checkDescriptionPeriod(ctx: DocumentContext, page: PageFrontmatter): Diagnostic[] {
  const { fm } = page;
  if (page.schema.kind === 'boilerplate' || isHeadless(fm)) return [];
  const entry = fm.byKey.get('description');
  if (!entry || typeof entry.value !== 'string' || entry.value === '') return [];
  const value = entry.value;
  if (value.endsWith('.') || value.endsWith('。')) return [];

  const stop = CJK.test(value) ? '。' : '.';
  const raw = ctx.parsed.text.slice(entry.valueRange.start, entry.valueRange.end);
  const trimmed = raw.trimEnd();
  const quoted = /^["']/.test(trimmed) && trimmed.length > 1 && trimmed.endsWith(trimmed[0]!);
  // A value that ends in white space (a `|` block) is not fixed by one more character.
  const fixable = value === value.trimEnd();
  const at = entry.valueRange.start + trimmed.length - (quoted ? 1 : 0);
  const message = `The description must end with \`.\` or \`。\`: the site's build fails otherwise ("Page description doesn't end with a period").`;
  return [
    diagnostic(
      ctx,
      entry.valueRange,
      'frontmatter.description-period',
      message,
      fixable ? { fixes: [{ title: `Add \`${stop}\` at the end of the description`, edits: [{ range: ctx.range({ start: at, end: at }), newText: stop }], isPreferred: true }] } : {},
    ),
  ];
}
