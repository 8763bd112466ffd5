/** HTML escaping for everything the preview writes: captions, titles, parameters and messages are user text. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A token's attributes (VS Code's `data-line` and `code-line` for scroll sync), with `className` first in its class. */
export function attrsOf(token: { readonly attrs: Array<[string, string]> | null }, className: string): string {
  let cls = className;
  let rest = '';
  for (const [k, v] of token.attrs ?? []) {
    if (k === 'class') cls += ` ${v}`;
    else rest += ` ${k}="${escapeHtml(v)}"`;
  }
  cls = cls.trim();
  return `${cls ? ` class="${escapeHtml(cls)}"` : ''}${rest}`;
}
