import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../parser/parsedDocument';

/**
 * Inline suppression for every check: a comment naming the codes to silence on the next line.
 *
 *   <!-- istio-ignore-next-line -->                        every diagnostic of the next line
 *   <!-- istio-ignore-next-line link.page-not-found image -->   those codes (`image` = every `image.*` code)
 *   # istio-ignore-next-line frontmatter.unknown-key        the same, as a YAML comment inside the frontmatter
 */
const MARKER = /(?:<!--|^[ \t]*#)[ \t]*istio-ignore-next-line\b([^\n]*?)(?:-->|$)/gm;

interface Suppression {
  /** 0-based line the comment silences. */
  readonly line: number;
  /** Codes or code prefixes; empty = all. */
  readonly codes: readonly string[];
}

export function findSuppressions(parsed: ParsedDocument): Suppression[] {
  const text = parsed.text;
  const out: Suppression[] = [];
  const fm = parsed.frontmatter?.contentRange;
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  let line = 0;
  let counted = 0;
  while ((m = MARKER.exec(text))) {
    const isYaml = !m[0].startsWith('<!--');
    // A `#` comment only counts inside the frontmatter; in Markdown it is a heading.
    if (isYaml && !(fm && m.index >= fm.start && m.index < fm.end)) continue;
    const end = m.index + m[0].length;
    for (; counted < end; counted++) if (text.charCodeAt(counted) === 10) line++;
    out.push({ line: line + 1, codes: m[1]!.trim().split(/[\s,]+/).filter((c) => c !== '') });
  }
  return out;
}

/** Drops the diagnostics an `istio-ignore-next-line` comment silences. */
export function applySuppressions(parsed: ParsedDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!parsed.text.includes('istio-ignore-next-line')) return diagnostics;
  const byLine = new Map<number, Suppression[]>();
  for (const s of findSuppressions(parsed)) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
  return diagnostics.filter((d) => {
    const list = byLine.get(d.range.start.line);
    if (!list) return true;
    const code = typeof d.code === 'string' ? d.code : String(d.code ?? '');
    return !list.some((s) => s.codes.length === 0 || s.codes.some((c) => code === c || code.startsWith(`${c}.`)));
  });
}
