/**
 * Globs for `istio.links.ignore`: `**` matches anything, `*` anything but `/`, `?` one character but `/`.
 * A pattern matches the whole target as written; one without `/` also matches the target's last segment,
 * so `*.pdf` ignores `./slides/talk.pdf`.
 *
 * Matched by a step-by-step simulation over the pattern's positions, not a regular expression: the patterns come
 * from the workspace's settings, and `a*a*a*a*b` compiled to `[^/]*` runs backtracks exponentially on a long target.
 * The simulation takes the target's length times the pattern's, whatever the pattern.
 */

type Token =
  | { readonly kind: 'char'; readonly char: string }
  /** `?`: one character but `/`. */
  | { readonly kind: 'one' }
  /** `*`: any run without `/`. */
  | { readonly kind: 'star' }
  /** `**`: any run, as the regular expression `.*` did (which stops at line ends). */
  | { readonly kind: 'globstar' }
  /** The `/` after `**`: optional, so `/docs/**\/x` matches `/docs/x`. */
  | { readonly kind: 'optionalSlash' };

function compileGlob(glob: string): readonly Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        tokens.push({ kind: 'globstar' });
        i++;
        if (glob[i + 1] === '/') {
          tokens.push({ kind: 'optionalSlash' });
          i++;
        }
      } else tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/**
 * Compiled patterns, by pattern. Module-level on purpose, unlike the engine's other caches (which their service or
 * site owns): a pattern's regular expression is a pure function of the pattern's text, so it holds no site or
 * settings state and two services asking for the same pattern need the same answer. Bounded, since patterns come
 * from the settings and a long session may see many.
 */
const compiled = new Map<string, readonly Token[]>();
const MAX_COMPILED = 256;

function isLineTerminator(c: string): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}

/** Whether the whole of `s` matches the compiled glob. */
export function globMatches(tokens: readonly Token[], s: string): boolean {
  const m = tokens.length;
  let active = new Uint8Array(m + 1);
  // Positions that match nothing may be passed over: `*`, `**` and the optional `/`.
  const close = (set: Uint8Array): void => {
    for (let i = 0; i < m; i++) {
      const k = tokens[i]!.kind;
      if (set[i] && (k === 'star' || k === 'globstar' || k === 'optionalSlash')) set[i + 1] = 1;
    }
  };
  active[0] = 1;
  close(active);
  // By UTF-16 unit, as the regular expression matched: `?` takes one unit.
  for (let j = 0; j < s.length; j++) {
    const c = s[j]!;
    const next = new Uint8Array(m + 1);
    let any = false;
    for (let i = 0; i < m; i++) {
      if (!active[i]) continue;
      const t = tokens[i]!;
      if (t.kind === 'char' ? c === t.char : t.kind === 'one' ? c !== '/' : t.kind === 'optionalSlash' ? c === '/' : false) {
        next[i + 1] = 1;
        any = true;
      } else if ((t.kind === 'star' && c !== '/') || (t.kind === 'globstar' && !isLineTerminator(c))) {
        next[i] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    active = next;
  }
  return active[m] === 1;
}


/** The part of a target before its query or fragment. */
function withoutQuery(t: string): string {
  const q = t.search(/[?#]/);
  return q < 0 ? t : t.slice(0, q);
}

export function isIgnored(target: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const t = target.trim();
  const path = withoutQuery(t);
  const last = path.slice(path.lastIndexOf('/') + 1);
  for (const g of globs) {
    let tokens = compiled.get(g);
    if (!tokens) {
      tokens = compileGlob(g);
      if (compiled.size >= MAX_COMPILED) compiled.clear();
      compiled.set(g, tokens);
    }
    if (globMatches(tokens, t) || globMatches(tokens, path) || (!g.includes('/') && globMatches(tokens, last))) return true;
  }
  return false;
}
