import { distance } from '../editDistance';

export { distance };

/** "Did you mean": the candidates closest to `word` (edit distance with transpositions), best first, at most `max`. */
export function suggest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  const scored: Array<{ c: string; d: number }> = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === w) continue;
    const d = lc.startsWith(w) && w.length >= 3 ? 1 : distance(w, lc, limit);
    if (d <= limit) scored.push({ c, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((s) => s.c);
}
