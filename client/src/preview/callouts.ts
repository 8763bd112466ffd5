import { escapeHtml } from './html';

export interface CalloutMeta {
  readonly name: string;
  /** `quote`'s optional `caption`. */
  readonly caption: string | undefined;
}

/**
 * The label and icon of each callout (istio.io draws an SVG icon in a coloured bar). Inline SVG in the callout's
 * colour rather than emoji, which many systems (and headless test browsers) have no font for.
 */
const svg = (d: string): string =>
  `<svg viewBox="0 0 16 16" width="14" height="14" fill="currentColor" fill-rule="evenodd"><path d="${d}"/></svg>`;
const CALLOUTS: Readonly<Record<string, { readonly label: string; readonly icon: string }>> = {
  // a light bulb
  tip: { label: 'Tip', icon: svg('M8 1a5 5 0 0 0-3 9v2h6v-2a5 5 0 0 0-3-9zM6 13h4v1.5H6z') },
  // a triangle with an exclamation mark cut out
  warning: { label: 'Warning', icon: svg('M8 1l7 13H1zM7.25 5.5v4.5h1.5V5.5zm0 5.5v1.5h1.5V11z') },
  // a thought bubble
  idea: { label: 'Idea', icon: svg('M8 2c3.3 0 6 1.8 6 4s-2.7 4-6 4-6-1.8-6-4 2.7-4 6-4zM4.5 11a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6zM2.3 14a.8.8 0 1 1 0 1.6.8.8 0 0 1 0-1.6z') },
  // quotation marks
  quote: { label: 'Quote', icon: svg('M2 9c0-3 1.5-5 4-6l.5 1C5 5 4.5 6 4.5 7H7v5H2zm7 0c0-3 1.5-5 4-6l.5 1C12 5 11.5 6 11.5 7H14v5H9z') },
};

/** The inline SVG icon of a callout (`''` for a name that is not a callout). */
export function calloutIcon(name: string): string {
  return CALLOUTS[name]?.icon ?? '';
}

export function renderCalloutOpen(meta: CalloutMeta, attrs: string): string {
  const c = CALLOUTS[meta.name] ?? { label: meta.name, icon: '' };
  return (
    `<div${attrs}><div class="istio-callout-label"><span class="istio-callout-icon" aria-hidden="true">${c.icon}</span>${escapeHtml(c.label)}</div>` +
    '<div class="istio-callout-body">\n'
  );
}

export function renderCalloutClose(meta: CalloutMeta): string {
  const caption = meta.caption ? `<div class="istio-quote-caption">— ${escapeHtml(meta.caption)}</div>` : '';
  return `</div>${caption}</div>\n`;
}
