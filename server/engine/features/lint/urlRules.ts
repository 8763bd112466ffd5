import type { Diagnostic } from 'vscode-languageserver-types';
import { resolveLink } from '../../site/resolve';
import { diagnostic, type DiagnosticCode } from '../diagnostic';
import type { Fix } from '../quickFix';
import type { DocumentContext } from '../documentContext';
import type { LintPage } from '../lintScope';
import type { MarkdownLink } from '../../parser/markdown';
import { linkByTargetStart } from './linkAt';

/**
 * The script's URL greps, run on the edited copy (so `link="…"`/`url="…"` values are already gone, and text blocks
 * are still there: a URL in a command fails too). Each pattern is the script's own, `.` as a wildcard included.
 */
interface UrlRule {
  readonly code: DiagnosticCode;
  readonly pattern: RegExp;
  /** Offset of the URL inside the match (after the `(` the first two patterns start with). */
  readonly urlAt: number;
  readonly message: string;
  /** The shortcode that replaces the URL's prefix up to the branch. */
  readonly shortcode?: string;
}

const RULES: readonly UrlRule[] = [
  {
    code: 'lint.absolute-istio-url',
    pattern: /\(https:\/\/istio.io\/(?!v[0-9]\.[0-9]\/|archive\/)/g,
    urlAt: 1,
    message: 'Fails `make lint` ("Ensure markdown content uses relative references to istio.io"): link to the page root-relative. Only `/vX.Y/` and `/archive/` may stay absolute.',
  },
  {
    code: 'lint.preliminary-url',
    pattern: /\(https:\/\/preliminary.istio.io/g,
    urlAt: 1,
    message: 'Fails `make lint` ("Ensure markdown content doesn\'t contain references to preliminary.istio.io"): link to the page on istio.io instead.',
  },
  githubRule('https://github.com/istio/istio/blob/', 'github_blob'),
  githubRule('https://github.com/istio/istio/tree/', 'github_tree'),
  githubRule('https://raw.githubusercontent.com/istio/istio/', 'github_file'),
];

function githubRule(prefix: string, shortcode: string): UrlRule {
  return {
    code: 'lint.github-url',
    // grep -e with a basic regex: `.` matches any character, `/` is literal.
    pattern: new RegExp(prefix.replace(/[/]/g, '\\/'), 'g'),
    urlAt: 0,
    message: `Fails \`make lint\` ("Ensure markdown content uses {{< ${shortcode} >}}"): write \`{{< ${shortcode} >}}/…\`, which follows the site's branch.`,
    shortcode,
  };
}

export function urlDiagnostics(ctx: DocumentContext, page: LintPage): Diagnostic[] {
  const out: Diagnostic[] = [];
  const copy = page.copy.text;
  const text = ctx.parsed.text;
  // Most pages have none of these: one cheap test before five regexes.
  if (!/https:\/\/(istio|preliminary|github|raw)/.test(copy)) return out;
  const linkAt = linkByTargetStart(ctx.parsed);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.pattern.exec(copy))) {
      const start = page.copy.toOriginal(m.index + rule.urlAt);
      const end = urlEnd(text, start);
      if (rule.urlAt === 1 && reportedByLinkCheck(ctx, linkAt(start))) continue;
      const data = rule.shortcode ? shortcodeFix(ctx, text, start, end, rule.shortcode) : undefined;
      out.push(diagnostic(ctx, { start, end }, rule.code, rule.message, data));
    }
  }
  return out;
}

/** Where a URL written at `start` ends: at white space, a quote, `)` or `>`. */
function urlEnd(text: string, start: number): number {
  const m = /[\s"'<>)\]]/.exec(text.slice(start, start + 2000));
  return m ? start + m.index : Math.min(text.length, start + 2000);
}

/**
 * A Markdown link the link check already reports (`link.absolute-istio-url`, `link.forbidden-host`): one finding per
 * fault. The lint rule keeps what the link check lets through: the same URL in a text block, `/v1.10/` (the script's
 * `v[0-9]\.[0-9]/` takes one digit after the dot) and pages outside a site.
 */
function reportedByLinkCheck(ctx: DocumentContext, link: MarkdownLink | undefined): boolean {
  if (!ctx.site || !ctx.location) return false;
  if (!link || link.hasShortcode) return false;
  const kind = resolveLink(ctx.site.layout, ctx.location, link.target).kind;
  return kind === 'istio-absolute' || kind === 'forbidden-host';
}

/** `https://github.com/istio/istio/blob/release-1.20/samples/x` → `{{< github_blob >}}/samples/x`. */
function shortcodeFix(ctx: DocumentContext, text: string, start: number, end: number, shortcode: string): { fixes: Fix[] } | undefined {
  const url = text.slice(start, end);
  // Scheme, host, owner, repository, then `blob`/`tree` for github.com, then the branch.
  const parts = url.split('/');
  const branchIndex = shortcode === 'github_file' ? 5 : 6;
  if (parts.length <= branchIndex + 1 || parts[branchIndex] === '') return undefined;
  const prefixLength = parts.slice(0, branchIndex + 1).join('/').length;
  const range = ctx.range({ start, end: start + prefixLength });
  return { fixes: [{ title: `Use {{< ${shortcode} >}} (the site's branch instead of \`${parts[branchIndex]}\`)`, edits: [{ range, newText: `{{< ${shortcode} >}}` }], isPreferred: true }] };
}
