/**
 * Globs for `istio.links.ignore`: `**` matches anything, `*` anything but `/`, `?` one character but `/`.
 * A pattern matches the whole target as written; one without `/` also matches the target's last segment,
 * so `*.pdf` ignores `./slides/talk.pdf`.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` also matches no folder at all: `/docs/**/x` matches `/docs/x`.
        re += '.*';
        i++;
        if (glob[i + 1] === '/') {
          re += '/?';
          i++;
        }
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Compiled patterns, by pattern. Module-level on purpose, unlike the engine's other caches (which their service or
 * site owns): a pattern's regular expression is a pure function of the pattern's text, so it holds no site or
 * settings state and two services asking for the same pattern need the same answer. Bounded, since patterns come
 * from the settings and a long session may see many.
 */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 256;

export function isIgnored(target: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const t = target.trim();
  const last = t.slice(t.replace(/[?#].*$/, '').lastIndexOf('/') + 1).replace(/[?#].*$/, '');
  for (const g of globs) {
    let re = compiled.get(g);
    if (!re) {
      re = globToRegExp(g);
      if (compiled.size >= MAX_COMPILED) compiled.clear();
      compiled.set(g, re);
    }
    if (re.test(t) || re.test(t.replace(/[?#].*$/, '')) || (!g.includes('/') && re.test(last))) return true;
  }
  return false;
}
