import type { StateCore } from 'markdown-it';

/** Goldmark's heading attribute, `## 标题 {#english-anchor}`: translations keep the English anchors with it. */
const HEADING_ID = /\s*\{#[\w.:-]+\}\s*$/;

/**
 * Drops the `{#id}` at the end of headings, which istio.io's Markdown (Goldmark) reads as the heading's id and
 * markdown-it would print as text (zh pages have thousands of them).
 */
export function stripHeadingIds(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'inline' && tokens[i - 1]!.type === 'heading_open' && t.content.endsWith('}')) t.content = t.content.replace(HEADING_ID, '');
  }
}
