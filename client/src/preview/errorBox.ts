import { escapeHtml } from './html';

/**
 * A visible, labelled note saying what is wrong with a shortcode: a box for block-level content, a badge inline.
 * The preview never drops a broken shortcode silently and never fails to render. `attrs` (from `attrsOf`) keeps
 * the token's scroll-sync attributes.
 */
export function errorBox(message: string, source?: string, attrs = ' class="istio-error"'): string {
  const code = source ? `<pre class="istio-error-source">${escapeHtml(source)}</pre>` : '';
  return `<div${attrs} role="note"><span class="istio-error-label">Istio preview</span> ${escapeHtml(message)}${code}</div>\n`;
}

export function errorBadge(message: string, source?: string, className = 'istio-error-badge'): string {
  const title = source ? ` title="${escapeHtml(source)}"` : '';
  return `<span class="${className}" role="note"${title}><span class="istio-error-label">Istio preview</span> ${escapeHtml(message)}</span>`;
}

/** The message of anything thrown. */
export function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
