import { stringProp, type JsonObject } from './schemaModel';

/** Today's date as the site writes it, `YYYY-MM-DD`, in the author's local time zone. */
export function isoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The value a quick fix or a key completion writes for a field: its `x-placeholder` (`today` → today's date). */
export function placeholderFor(field: JsonObject | undefined, now: Date): string {
  const p = field ? stringProp(field, 'x-placeholder') : undefined;
  if (p === 'today') return isoDate(now);
  return p ?? '';
}
