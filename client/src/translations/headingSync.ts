/**
 * Where to scroll a page's other version so both show the same part: the heading at the top of one editor is found
 * in the other by its id (a translation repeats the source's automatic id as `{#id}`), and the distance past it is
 * kept as a share of the section, since a translated section is seldom as long as its source. Pure (no `vscode`).
 */
import type { PageHeading } from '../../../server/protocol';

/** The line to show at the top of the other editor, or `undefined` when the heading has no match there. */
export function matchingLine(from: readonly PageHeading[], fromLines: number, to: readonly PageHeading[], toLines: number, topLine: number): number | undefined {
  // The last heading at or above the top line; above the first heading, the top of the page matches the top.
  let i = -1;
  for (let k = 0; k < from.length && from[k]!.line <= topLine; k++) i = k;
  if (i < 0) return from.length && to.length ? Math.round((topLine / Math.max(1, from[0]!.line)) * to[0]!.line) : topLine === 0 ? 0 : undefined;
  const h = from[i]!;
  // The same id; failing that, the same id in another case: translators sometimes copied the heading's capitals
  // (`{#access-control-by-Mixer-policy-checks}`), which breaks the anchor but still names the same section.
  let j = to.findIndex((t) => t.id === h.id);
  if (j < 0) j = to.findIndex((t) => t.id.toLowerCase() === h.id.toLowerCase());
  if (j < 0) return undefined;
  const fromEnd = from[i + 1]?.line ?? fromLines;
  const toEnd = to[j + 1]?.line ?? toLines;
  const share = fromEnd > h.line ? (topLine - h.line) / (fromEnd - h.line) : 0;
  return to[j]!.line + Math.floor(share * Math.max(0, toEnd - to[j]!.line));
}
