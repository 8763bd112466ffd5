import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import textSyntaxes from '../../../data/shortcodes.json';
import { diagnostic } from '../diagnostic';
import type { DocumentContext } from '../documentContext';

/** Every syntax the site's `text` shortcode knows (server/data/shortcodes.json). */
const SITE_SYNTAXES: ReadonlySet<string> = new Set([...textSyntaxes.textSyntaxes.common, ...textSyntaxes.textSyntaxes.other]);
/** Fence languages the site spells another way. */
const ALIASES: Readonly<Record<string, string>> = { yml: 'yaml', text: 'plain', txt: 'plain', plaintext: 'plain', console: 'bash', shell: 'bash', sh: 'bash', zsh: 'bash' };

const FENCE_LINE = /^([ \t]*)(`{3,})[ \t]*([^\s`]*)[^`\n]*$/;

/**
 * The script greps the page itself (not the copy) for ```` ``` ```` anywhere: a fence, or three backticks in a code
 * span, fails `make lint`. A fence with its closing fence gets a fix to `{{< text >}}` with the fence's language.
 */
export function fenceDiagnostics(ctx: DocumentContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = ctx.parsed.text;
  if (!text.includes('```')) return out;
  const lines = text.split('\n');
  let at = 0;
  /** The open fence: its line, offset, indentation, backticks and language. */
  let open: { line: number; offset: number; indent: string; ticks: string; lang: string } | undefined;
  const found: { offset: number; length: number; line: number; fence: boolean }[] = [];
  /** Opening fence line → the pair it starts. */
  const pairs = new Map<number, FencePair>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    let k = line.indexOf('```');
    const fence = FENCE_LINE.exec(line);
    while (k >= 0) {
      found.push({ offset: at + k, length: 3, line: i, fence: fence !== null });
      k = line.indexOf('```', k + 3);
    }
    if (fence) {
      if (!open) open = { line: i, offset: at, indent: fence[1]!, ticks: fence[2]!, lang: fence[3]! };
      else if (fence[2]!.length >= open.ticks.length && fence[3] === '') {
        const openLength = lines[open.line]!.replace(/\r$/, '').length;
        pairs.set(open.line, { offset: open.offset, openLength, indent: open.indent, lang: open.lang, closeOffset: at, closeLength: line.length, firstLine: lines[open.line + 1] ?? '' });
        open = undefined;
      }
    }
    at += lines[i]!.length + 1;
  }
  for (const f of found) {
    const pair = pairs.get(f.line);
    const data = f.fence && pair ? { fixes: [fenceFix(ctx, pair)] } : {};
    out.push(diagnostic(ctx, { start: f.offset, end: f.offset + f.length }, 'lint.code-fence', 'Fails `make lint`: the site writes code blocks as `{{< text <syntax> >}}` … `{{< /text >}}`, never with ```` ``` ````.', data));
  }
  return out;
}

interface FencePair {
  readonly offset: number;
  readonly openLength: number;
  readonly indent: string;
  readonly lang: string;
  readonly closeOffset: number;
  readonly closeLength: number;
  readonly firstLine: string;
}

function fenceFix(ctx: DocumentContext, pair: FencePair): { title: string; edits: TextEdit[]; isPreferred: boolean } {
  const syntax = siteSyntax(pair.lang, pair.firstLine);
  return {
    title: `Make it a {{< text ${syntax} >}} block`,
    isPreferred: true,
    edits: [
      { range: ctx.range({ start: pair.offset, end: pair.offset + pair.openLength }), newText: `${pair.indent}{{< text ${syntax} >}}` },
      { range: ctx.range({ start: pair.closeOffset, end: pair.closeOffset + pair.closeLength }), newText: `${pair.indent}{{< /text >}}` },
    ],
  };
}

/**
 * The `text` syntax for a fence's language. Shell languages become `bash` only when the block starts with a `$`
 * prompt, which the site's template requires of `bash` ("the first line of the block does not start with $").
 */
export function siteSyntax(lang: string, firstLine: string): string {
  const l = lang.toLowerCase();
  const mapped = ALIASES[l] ?? l;
  if (mapped === 'bash') return /^\s*\$/.test(firstLine) ? 'bash' : 'plain';
  if (mapped === '' || !SITE_SYNTAXES.has(mapped)) return 'plain';
  return mapped;
}
