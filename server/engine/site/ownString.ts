/**
 * A copy of `s` that holds no reference to the text it was cut from.
 *
 * V8 makes a substring of 13 or more characters (`slice`, a regex group, a split) a "sliced string": a pointer into
 * its parent, which stays alive as long as the substring does. A page summary kept for the whole session (a title,
 * an alias, a shortcode name) would then keep the whole page text alive: on a site of istio.io's size that was
 * 8 MB of page texts held by 1,000 titles and aliases (heap snapshot, docs/performance.md). Concatenating makes a
 * new string whose flattening copies only these characters; the parent can then be collected.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
