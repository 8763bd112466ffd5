import { escapeHtml } from './html';

export interface CalloutMeta {
  readonly name: string;
  /** `quote`'s optional `caption`. */
  readonly caption: string | undefined;
}

/** The label and icon of each callout (istio.io draws an icon in a coloured bar). */
const CALLOUTS: Readonly<Record<string, { readonly label: string; readonly icon: string }>> = {
  tip: { label: 'Tip', icon: '💡' },
  warning: { label: 'Warning', icon: '⚠' },
  idea: { label: 'Idea', icon: '💭' },
  quote: { label: 'Quote', icon: '❝' },
};

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
