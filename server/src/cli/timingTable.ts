import type { RuleTimings } from '../../engine';

/**
 * `--timing`'s table: each rule's time (and the pages' parse), largest first, with its share of the check and its
 * cost per page checked; the rest of the check (listing the site, reading the pages, settings) on its own line.
 */
export function timingTable(timings: RuleTimings, checkMs: number, pages: number): string {
  const rows = [...timings.totals].sort((a, b) => b[1] - a[1]);
  const measured = rows.reduce((sum, [, ms]) => sum + ms, 0);
  rows.push(['(the rest: listing, reading, settings)', Math.max(0, checkMs - measured)]);
  const width = Math.max(...rows.map(([name]) => name.length), 'check'.length);
  const ms = (v: number): string => v.toFixed(1).padStart(10);
  const share = (v: number): string => `${checkMs > 0 ? ((100 * v) / checkMs).toFixed(1) : '0.0'} %`.padStart(8);
  const perPage = (v: number): string => (pages > 0 ? ((1000 * v) / pages).toFixed(0) : '0').padStart(10);
  const line = (name: string, v: number): string => `${name.padEnd(width)} ${ms(v)} ${share(v)} ${perPage(v)}`;
  return [
    `${'check'.padEnd(width)} ${'ms'.padStart(10)} ${'share'.padStart(8)} ${'µs / page'.padStart(10)}`,
    ...rows.map(([name, v]) => line(name, v)),
    line('(whole check)', checkMs),
  ].join('\n');
}
