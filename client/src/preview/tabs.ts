import type { StateBlock, Token } from 'markdown-it';
import { escapeHtml } from './html';

/** A tab's title and whether it stands outside any shortcode (the site's build fails: "Missing surrounding tabset"). */
export interface TabMeta {
  readonly name: string;
  /** `category-value`: tabs of the same value are chosen together across the page's tabsets of one category. */
  readonly value: string | undefined;
  readonly orphan: boolean;
  /** Position in its tabset (set once the tabset is complete); -1 outside one. */
  index: number;
}

export interface TabsetMeta {
  readonly names: string[];
  /** Each tab's `category-value`, in the order of `names`. */
  readonly values: (string | undefined)[];
  /**
   * `category-name`: as on istio.io, choosing a tab chooses the tab of the same `category-value` in every tabset of
   * that category on the page (Istio APIs / Gateway API, helm / istioctl).
   */
  readonly category: string | undefined;
}

/**
 * After a tabset's inner content is tokenized (from `first` on): collects its tabs' names for the tab bar and wraps
 * everything between the tabs in a "dropped" container, since `tabset.html` renders only the tabs.
 */
export function tabsetTokens(state: StateBlock, open: Token, first: number): void {
  const meta = open.meta as TabsetMeta;
  const inner = state.tokens.splice(first);
  let depth = 0;
  let dropped: Token[] = [];
  const flush = (): void => {
    if (dropped.length === 0) return;
    const o = new state.Token('istio_dropped_open', 'div', 1);
    o.block = true;
    o.map = dropped[0]!.map;
    const c = new state.Token('istio_dropped_close', 'div', -1);
    c.block = true;
    // One at a time: spreading a long run of tokens into `push`'s arguments overflows the stack.
    state.tokens.push(o);
    for (const t of dropped) state.tokens.push(t);
    state.tokens.push(c);
    dropped = [];
  };
  for (const t of inner) {
    if (depth === 0 && t.type === 'istio_tab_open') {
      flush();
      const tab = t.meta as TabMeta;
      tab.index = meta.names.length;
      meta.names.push(tab.name);
      meta.values.push(tab.value);
    }
    const inTab = depth > 0 || t.type === 'istio_tab_open';
    if (t.type === 'istio_tab_open') depth++;
    else if (t.type === 'istio_tab_close') depth--;
    if (inTab || t.type === 'istio_tab_close') state.tokens.push(t);
    else dropped.push(t);
  }
  flush();
}

export function renderTabsetOpen(meta: TabsetMeta, attrs: string): string {
  const buttons = meta.names
    .map((n, i) => {
      const value = meta.values[i];
      const data = value !== undefined ? ` data-category-value="${escapeHtml(value)}"` : '';
      return `<button type="button" role="tab" class="istio-tab-button" data-tab-index="${i}"${data} aria-selected="${i === 0}">${escapeHtml(n)}</button>`;
    })
    .join('');
  const category = meta.category !== undefined ? ` data-category-name="${escapeHtml(meta.category)}"` : '';
  return `<div${attrs}${category}><div class="istio-tab-bar" role="tablist">${buttons}</div>\n`;
}

export function renderTabOpen(meta: TabMeta, attrs: string, note: string): string {
  return `<section${attrs} data-tab-index="${meta.index}" role="tabpanel"><div class="istio-tab-title">${escapeHtml(meta.name)}</div>${note}\n`;
}

export const DROPPED_LABEL = 'Not shown on istio.io: text inside a tabset but outside its tabs is dropped.';
