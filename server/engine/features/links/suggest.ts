import { extname } from '../../site/paths';
import { distance } from '../editDistance';

/** Edit distance between two strings (for "did you mean"): a swap of two letters counts once. */
export const editDistance = (a: string, b: string): number => distance(a, b);

function stem(name: string): string {
  const ext = extname(name);
  return (ext ? name.slice(0, -ext.length) : name).toLowerCase();
}

/**
 * The names closest to `wanted`, best first: the same name with another extension, then small edit distances
 * (at most a third of the name). `preferred` extensions rank first among equals (images for image references).
 */
export function closestNames(wanted: string, names: readonly string[], preferred?: ReadonlySet<string>, limit = 3): string[] {
  const w = wanted.toLowerCase();
  const ws = stem(wanted);
  const max = Math.max(2, Math.floor(wanted.length / 3));
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of names) {
    const n = name.toLowerCase();
    if (n === w) continue;
    let score = stem(name) === ws ? 0.5 : editDistance(w, n);
    if (score > max) continue;
    if (preferred && !preferred.has(extname(name))) score += 0.25;
    scored.push({ name, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, limit).map((s) => s.name);
}
