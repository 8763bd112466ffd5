/**
 * "Did you mean": the known names closest to a misspelt one (`pubishdate` → `publishdate`,
 * `descripton` → `description`), by optimal-string-alignment distance (a swap of two letters counts once).
 */
export function closest(word: string, candidates: Iterable<string>): string[] {
  const w = word.toLowerCase();
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best = limit + 1;
  let found: string[] = [];
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase(), limit + 1);
    if (d > limit) continue;
    if (d < best) {
      best = d;
      found = [c];
    } else if (d === best && !found.includes(c)) {
      found.push(c);
    }
  }
  return found;
}

/** Optimal string alignment distance, giving up (returning `max`) once it exceeds `max`. */
export function distance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) >= max) return max;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= max) return max;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}
