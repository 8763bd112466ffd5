import { isoDate } from '../dates';
import { stringProp, type JsonObject } from './schemaModel';

export { isoDate };

/** The value a quick fix or a key completion writes for a field: its `x-placeholder` (`today` → today's date). */
export function placeholderFor(field: JsonObject | undefined, now: Date): string {
  const p = field ? stringProp(field, 'x-placeholder') : undefined;
  if (p === 'today') return isoDate(now);
  return p ?? '';
}
