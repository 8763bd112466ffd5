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
    // LSP's line ends: `\n`, `\r\n` (counted once, at its `\r`) and a lone `\r`.
    for (; counted < end; counted++) {
      const c = text.charCodeAt(counted);
      if (c === 13 || (c === 10 && text.charCodeAt(counted - 1) !== 13)) line++;
    }
    out.push({ line: line + 1, codes: m[1]!.trim().split(/[\s,]+/).filter((c) => c !== '') });
  }
  return out;
}

/** Whether the page may hold a suppression comment (a quick look for its word, before any parse of them). */
export function hasSuppressions(parsed: ParsedDocument): boolean {
  return parsed.text.includes('istio-ignore-next-line');
}

/** Drops the diagnostics an `istio-ignore-next-line` comment silences. */
export function applySuppressions(parsed: ParsedDocument, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!hasSuppressions(parsed)) return diagnostics;
  // Per line, the union of its comments: a set looked up by the code and its prefixes, so many comments and many
  // diagnostics on one line cost their sum, not their product.
  const byLine = new Map<number, { all: boolean; codes: Set<string> }>();
  for (const s of findSuppressions(parsed)) {
    let entry = byLine.get(s.line);
    if (!entry) {
      entry = { all: false, codes: new Set() };
      byLine.set(s.line, entry);
    }
    if (s.codes.length === 0) entry.all = true;
    for (const c of s.codes) entry.codes.add(c);
  }
  return diagnostics.filter((d) => {
    const entry = byLine.get(d.range.start.line);
    if (!entry) return true;
    if (entry.all) return false;
    const code = typeof d.code === 'string' ? d.code : String(d.code ?? '');
    // `image` silences `image.not-found`: the code itself and each dotted prefix of it.
    for (let dot = code.length; dot > 0; dot = code.lastIndexOf('.', dot - 1)) {
      if (entry.codes.has(code.slice(0, dot))) return false;
    }
    return true;
  });
}
