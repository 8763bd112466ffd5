import type { Diagnostic } from 'vscode-languageserver-types';
import type { OffsetRange } from '../../parser/offsetRange';
import type { ShortcodeNode } from '../../parser/shortcodeTree';
import { diagnostic } from '../diagnostic';
import type { DiagnosticRule } from '../feature';
import { appliesTo } from './lookup';

/**
 * Where shortcodes may sit, from the catalog's `parents`, `notInside`, `onlyChildren` and `ownLines`:
 * a `tab` at top level and a callout or tab written on one line fail the build ("Missing surrounding tabset for tab",
 * "Shortcode must span muliple lines"); a `tab` in another shortcode, a nested `tabset` and text in a `tabset` outside
 * its tabs (dropped) render wrong.
 */
export const nestingRule: DiagnosticRule = {
  name: 'shortcode-nesting',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!appliesTo(ctx)) return out;
    const text = ctx.parsed.text;
    for (const node of ctx.parsed.tree.all) {
      const name = node.open.name;
      const info = ctx.catalog.get(name);
      if (!info) continue;

      if (info.parents?.length && !(node.parent && info.parents.includes(node.parent.open.name))) {
        const want = info.parents.map((p) => `\`${p}\``).join(' or ');
        out.push(
          node.parent
            ? diagnostic(ctx, node.open.range, 'shortcode.outside-parent',
                `\`${name}\` belongs directly inside a ${want}, not inside \`${node.parent.open.name}\`: it will not render as intended.`,
                // Only a `tab` with no shortcode around it at all fails the build.
                { severity: 'warning' })
            : diagnostic(ctx, node.open.range, 'shortcode.outside-parent',
                `\`${name}\` must be inside a ${want}: Hugo fails the build ("Missing surrounding ${info.parents[0]} for ${name}").`),
        );
      }

      if (info.notInside?.length) {
        for (let a = node.parent; a; a = a.parent) {
          if (info.notInside.includes(a.open.name)) {
            out.push(diagnostic(ctx, node.open.range, 'shortcode.nested', `Do not put a \`${name}\` inside a \`${a.open.name}\`: the site does not support it.`));
            break;
          }
        }
      }

      if (info.onlyChildren?.length && node.inner && node.close) {
        for (const r of droppedRegions(text, node, node.inner, info.onlyChildren)) {
          out.push(
            diagnostic(ctx, r, 'shortcode.dropped-content',
              `Inside a \`${name}\` only ${info.onlyChildren.map((c) => `\`${c}\``).join(', ')} shortcodes are shown: this content is silently dropped.`),
          );
        }
      }

      if (info.ownLines && node.inner && node.close) {
        const inner = text.slice(node.inner.start, node.inner.end);
        if (inner.trim() !== '' && !inner.includes('\n')) {
          out.push(
            diagnostic(ctx, { start: node.open.range.start, end: node.close.range.end }, 'shortcode.inline-content',
              `Put the content of \`${name}\` on its own lines between the tags: on one line the build fails ("Shortcode must span muliple lines").`),
          );
        }
      }
    }
    return out;
  },
};

const COMMENT = /<!--[\s\S]*?-->/g;

/** The non-blank stretches of a node's inner text outside its allowed children (HTML comments do not count). */
function droppedRegions(text: string, node: ShortcodeNode, inner: OffsetRange, allowed: readonly string[]): OffsetRange[] {
  const out: OffsetRange[] = [];
  let at = inner.start;
  const gaps: OffsetRange[] = [];
  for (const child of node.children) {
    if (!allowed.includes(child.open.name)) continue;
    gaps.push({ start: at, end: child.open.range.start });
    at = child.close ? child.close.range.end : child.open.range.end;
  }
  gaps.push({ start: at, end: inner.end });
  for (const g of gaps) {
    const slice = text.slice(g.start, g.end).replace(COMMENT, (m) => ' '.repeat(m.length));
    const first = slice.search(/\S/);
    if (first < 0) continue;
    const last = slice.length - (slice.length - slice.trimEnd().length);
    out.push({ start: g.start + first, end: g.start + last });
  }
  return out;
}
