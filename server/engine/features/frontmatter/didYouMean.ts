import { distance } from '../editDistance';

/**
 * "Did you mean": the known names closest to a misspelt one (`pubishdate` → `publishdate`,
 * `descripton` → `description`), by optimal-string-alignment distance (a swap of two letters counts once).
 */
export function closest(word: string, candidates: Iterable<string>): string[] {
  const w = word.toLowerCase();
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best = limit + 1;
  let found: string[] = [];
  let seen = new Set<string>();
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase(), limit);
    if (d > limit) continue;
    if (d < best) {
      best = d;
      found = [c];
      seen = new Set([c]);
    } else if (d === best && !seen.has(c) && found.length < MAX_SUGGESTIONS) {
      // A set, and a bound: a folder of thousands of equally close names made this quadratic, and the message long.
      seen.add(c);
      found.push(c);
    }
  }
  return found;
}

/** The most names "did you mean" offers. */
const MAX_SUGGESTIONS = 5;
