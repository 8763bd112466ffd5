import type { StateCore } from 'markdown-it';
import { scanShortcodes, valueShortcode } from '../../../server/engine';
import type { PreviewHost } from './previewHost';
import { renderContext } from './renderContext';

/**
 * Replaces the value shortcodes (`github_tree`, `istio_full_version`, `istioctl`, …) by their values in the source,
 * before block parsing: they sit inside link destinations (`[x]({{< github_tree >}}/samples/httpbin)`), where
 * markdown-it would not read a destination with spaces, and inside text blocks. Tags spanning lines are left for the
 * inline rule, so the line count, and with it the preview's scroll sync, stays the same.
 */
export function substituteValues(host: PreviewHost): (state: StateCore) => void {
  return (state) => {
    const src = state.src;
    if (!src.includes('{{')) return;
    try {
      const values = renderContext(host, state.env).values;
      let out = '';
      let last = 0;
      for (const tag of scanShortcodes(src).tags) {
        if (tag.kind !== 'open' || tag.unterminated || tag.params.length > 0) continue;
        const value = valueShortcode(tag.name, values);
        if (value === undefined) continue;
        const raw = src.slice(tag.range.start, tag.range.end);
        if (raw.includes('\n')) continue;
        out += src.slice(last, tag.range.start) + value;
        last = tag.range.end;
      }
      if (last > 0) state.src = out + src.slice(last);
    } catch {
      // Leave the source as it is: the inline rule still shows each value.
    }
  };
}
