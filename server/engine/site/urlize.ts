/**
 * Hugo's `urlize` template function, which the site's layouts use for the ids they generate (glossary terms, FAQ
 * sections and questions). It is not the GitHub heading id: Hugo sanitizes the text as it does paths
 * (`paths.Sanitize`: letters, digits, marks and `._~-+#@/\` stay, `%XX` stays, a run of white space between kept
 * characters becomes one `-`, everything else goes), lower-cases it, then lets Go's `net/url` print it, which
 * percent-encodes what a URL path cannot hold (`Панель даних` → `%D0%BF…`) and treats a `#` as the start of a
 * fragment. test/hugo/urlize.test.ts compares it with the real Hugo.
 */
export function urlize(text: string): string {
  return urlEscape(sanitize(text).toLowerCase());
}

/** Go's `unicode.IsSpace`: Latin-1 spaces and the White_Space characters of Unicode (not U+FEFF, unlike JS `\s`). */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const LETTER_DIGIT_MARK = /^[\p{L}\p{Nd}\p{M}]$/u;
const HEX = /^[0-9a-fA-F]{2}$/;

function allowed(chars: readonly string[], i: number): boolean {
  const c = chars[i]!;
  if (c === ' ') return false;
  if (LETTER_DIGIT_MARK.test(c) || './\\_#+~-@'.includes(c)) return true;
  // Go looks at the next two bytes; a `%` followed by two hex digits is an escape and stays.
  return c === '%' && HEX.test((chars[i + 1] ?? '') + (chars[i + 2] ?? ''));
}

/** `paths.Sanitize` of Hugo (common/paths/path.go). */
function sanitize(s: string): string {
  const chars = [...s];
  let out = '';
  let prependHyphen = false;
  let wasHyphen = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (allowed(chars, i)) {
      wasHyphen = c === '-';
      if (prependHyphen) {
        if (!wasHyphen) out += '-';
        prependHyphen = false;
      }
      out += c;
    } else if (out.length > 0 && !wasHyphen && GO_SPACE.test(c)) {
      prependHyphen = true;
    }
  }
  return out;
}

/** What `url.Parse(s).String()` prints for a sanitized string: a path, then an optional `#fragment`. */
function urlEscape(s: string): string {
  const hash = s.indexOf('#');
  if (hash < 0) return escapePart(s, PATH_SAFE);
  return `${escapePart(s.slice(0, hash), PATH_SAFE)}#${escapePart(s.slice(hash + 1), FRAGMENT_SAFE)}`;
}

/** ASCII that Go's `shouldEscape` leaves alone in a path (after the unreserved letters, digits and `-_.~`). */
const PATH_SAFE = "$&+,/:;=@";
const FRAGMENT_SAFE = "$&+,/:;=@!()*?";

/**
 * Go keeps the text as written when its escapes are valid and nothing else needs escaping (`a%20b`); otherwise it
 * decodes the escapes and encodes the whole part again, byte by byte, in upper-case hex.
 */
function escapePart(part: string, safe: string): string {
  const keep = (c: string): boolean => /^[A-Za-z0-9\-_.~]$/.test(c) || safe.includes(c);
  let valid = true;
  for (let i = 0; i < part.length && valid; i++) {
    const c = part[i]!;
    if (c === '%') i += 2;
    else if (!keep(c)) valid = false;
  }
  if (valid) return part;
  let decoded: string;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    decoded = part;
  }
  let out = '';
  for (const c of decoded) {
    if (keep(c)) out += c;
    // Only a backslash, a second `#` and non-ASCII are left to escape here, and encodeURIComponent escapes each of them
    // to its UTF-8 bytes in upper-case hex, as Go does.
    else out += /^[!'()*]$/.test(c) ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(c);
  }
  return out;
}

/** The ids a browser matches a `#fragment` against for one generated id: as printed, and percent-decoded. */
export function idForms(id: string): string[] {
  try {
    const decoded = decodeURIComponent(id);
    return decoded === id ? [id] : [id, decoded];
  } catch {
    return [id];
  }
}
