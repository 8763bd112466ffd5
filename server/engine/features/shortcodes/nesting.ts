import type { Diagnostic } from 'vscode-languageserver-types';
import { RegionSet, type OffsetRange } from '../../parser/offsetRange';
import { LineEnds } from '../../parser/textScan';
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
    const look = new TextLook(text, ctx.parsed.bodyStart);
    // Depth first, in document order (the order of `tree.all`), keeping for each name the open shortcodes of that
    // name around the current one: the nearest ancestor of a name is a look-up, where climbing the parents from every
    // node was quadratic on deeply nested shortcodes.
    const enclosing = new Map<string, Array<{ node: ShortcodeNode; depth: number }>>();
    const visit = (node: ShortcodeNode): void => {
      const name = node.open.name;
      const info = ctx.catalog.get(name);
      if (!info) return;

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
        // The nearest enclosing shortcode with one of those names, as a walk up the parents meets it first.
        let nearest: { node: ShortcodeNode; depth: number } | undefined;
        for (const n of info.notInside) {
          const open = enclosing.get(n);
          const top = open?.[open.length - 1];
          if (top && (!nearest || top.depth > nearest.depth)) nearest = top;
        }
        if (nearest) {
          out.push(diagnostic(ctx, node.open.range, 'shortcode.nested', `Do not put a \`${name}\` inside a \`${nearest.node.open.name}\`: the site does not support it.`));
        }
      }

      if (info.onlyChildren?.length && node.inner && node.close) {
        for (const r of droppedRegions(look, node, node.inner, info.onlyChildren)) {
          out.push(
            diagnostic(ctx, r, 'shortcode.dropped-content',
              `Inside a \`${name}\` only ${info.onlyChildren.map((c) => `\`${c}\``).join(', ')} shortcodes are shown: this content is silently dropped.`),
          );
        }
      }

      if (info.ownLines && node.inner && node.close && look.oneLineWithText(node.inner)) {
        out.push(
          diagnostic(ctx, { start: node.open.range.start, end: node.close.range.end }, 'shortcode.inline-content',
            `Put the content of \`${name}\` on its own lines between the tags: on one line the build fails ("Shortcode must span muliple lines").`),
        );
      }
    };
    // An explicit stack, not recursion: shortcodes nested a hundred thousand deep must not overflow the call stack.
    const stack: Array<{ node: ShortcodeNode; depth: number; next: number }> = [];
    const enter = (node: ShortcodeNode, depth: number): void => {
      visit(node);
      let open = enclosing.get(node.open.name);
      if (!open) {
        open = [];
        enclosing.set(node.open.name, open);
      }
      open.push({ node, depth });
      stack.push({ node, depth, next: 0 });
    };
    for (const root of ctx.parsed.tree.roots) {
      enter(root, 0);
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const child = top.node.children[top.next++];
        if (child) enter(child, top.depth + 1);
        else {
          stack.pop();
          enclosing.get(top.node.open.name)!.pop();
        }
      }
    }
    return out;
  },
};

const WHITE_SPACE = /\s/;

/**
 * What the checks ask of the text between tags, answered without copying it: a node's inner text holds its
 * children's, so slicing and scanning it for every node was quadratic on deeply nested shortcodes.
 */
class TextLook {
  private commentRegions: RegionSet | undefined;
  private readonly lineEnds: LineEnds;

  constructor(
    readonly text: string,
    private readonly from: number,
  ) {
    this.lineEnds = new LineEnds(text);
  }

  /** Whether the span holds something other than white space, and no line end. */
  oneLineWithText(span: OffsetRange): boolean {
    if (this.lineEnds.end(span.start) < span.end) return false;
    for (let i = span.start; i < span.end; i++) if (!WHITE_SPACE.test(this.text[i]!)) return true;
    return false;
  }

  /** HTML comments (`<!--` to the first `-->`), found once for the document. */
  get comments(): RegionSet {
    if (!this.commentRegions) {
      const regions: OffsetRange[] = [];
      for (let s = this.text.indexOf('<!--', this.from); s >= 0; ) {
        const e = this.text.indexOf('-->', s + 4);
        if (e < 0) break;
        regions.push({ start: s, end: e + 3 });
        s = this.text.indexOf('<!--', e + 3);
      }
      this.commentRegions = new RegionSet(regions);
    }
    return this.commentRegions;
  }

  /** A comment wholly inside `g` that holds `at`. */
  commentIn(g: OffsetRange, at: number): OffsetRange | undefined {
    const c = this.comments.find(at);
    return c && c.start >= g.start && c.end <= g.end ? c : undefined;
  }
}

/** The non-blank stretches of a node's inner text outside its allowed children (HTML comments do not count). */
function droppedRegions(look: TextLook, node: ShortcodeNode, inner: OffsetRange, allowed: readonly string[]): OffsetRange[] {
  const text = look.text;
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
    // The first and the last character that is neither white space nor inside a comment, found from each end.
    let first = g.start;
    for (let c: OffsetRange | undefined; first < g.end; ) {
      if (WHITE_SPACE.test(text[first]!)) first++;
      else if ((c = look.commentIn(g, first))) first = c.end;
      else break;
    }
    if (first >= g.end) continue;
    let last = g.end - 1;
    for (let c: OffsetRange | undefined; last > first; ) {
      if (WHITE_SPACE.test(text[last]!)) last--;
      else if ((c = look.commentIn(g, last))) last = c.start - 1;
      else break;
    }
    out.push({ start: first, end: last + 1 });
  }
  return out;
}
