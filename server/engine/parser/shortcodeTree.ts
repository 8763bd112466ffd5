import type { OffsetRange } from './offsetRange';
import type { ShortcodeTag } from './shortcodes';

/** An opening tag matched with its closing tag (when it has one), and the shortcodes inside it. */
export interface ShortcodeNode {
  readonly open: ShortcodeTag;
  close: ShortcodeTag | undefined;
  readonly parent: ShortcodeNode | undefined;
  readonly children: ShortcodeNode[];
  /** Between the end of the opening tag and the start of the closing tag (empty when unpaired). */
  inner: OffsetRange | undefined;
}

/** What a node covers: from its opening tag to the end of its closing one (or of the opening tag, unpaired). */
export function nodeSpan(n: ShortcodeNode): OffsetRange {
  return { start: n.open.range.start, end: (n.close ?? n.open).range.end };
}

export interface StructureProblem {
  readonly code: 'shortcode.unclosed' | 'shortcode.stray-closing' | 'shortcode.mismatched-closing' | 'shortcode.closing-not-allowed' | 'shortcode.closing-order';
  readonly message: string;
  readonly range: OffsetRange;
  /** The shortcode's name. */
  readonly name: string;
  /** For `shortcode.unclosed` and `shortcode.mismatched-closing`: the opening tag left open, which the fix closes. */
  readonly open?: ShortcodeTag;
  /** For `shortcode.closing-order`: the closing tag's name, and the name of the shortcode Hugo closes with it. */
  readonly rename?: { readonly range: OffsetRange; readonly name: string };
}

export interface ShortcodeTree {
  readonly roots: readonly ShortcodeNode[];
  readonly all: readonly ShortcodeNode[];
  readonly problems: readonly StructureProblem[];
  /** The node of each opening tag, and of each closing tag that closes one (features look tags up by offset). */
  readonly byTag: ReadonlyMap<ShortcodeTag, ShortcodeNode>;
}

/**
 * Whether a shortcode must be closed. `true`/`false` for known ones (its template reads `.Inner` or not);
 * `undefined` for unknown ones, which are treated as paired when a closing tag follows.
 */
export type PairingRule = (name: string) => boolean | undefined;

/**
 * Whether Hugo builds a page whose closing tags name other shortcodes than the ones they close. Hugo's parser closes
 * the innermost open shortcode at every closing tag, whatever its name; its lexer only requires that a shortcode of
 * that name appeared earlier on the page. So `{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}` builds, rendered as `a` holding
 * `b` (Hugo 0.131, test/hugo/closingTags.test.ts). True when the page has such a closing tag and Hugo still pairs
 * every tag; the tree then follows Hugo's pairing.
 */
function hugoPairsByPosition(tags: readonly ShortcodeTag[], needsClosing: PairingRule): boolean {
  const seen = new Set<string>();
  const closersAhead = new Map<string, number>();
  for (const t of tags) if (t.kind === 'close') closersAhead.set(t.name, (closersAhead.get(t.name) ?? 0) + 1);
  const stack: string[] = [];
  let renamed = false;
  for (const tag of tags) {
    if (tag.kind === 'close') {
      closersAhead.set(tag.name, (closersAhead.get(tag.name) ?? 1) - 1);
      // "got closing shortcode, but none is open" / "closing tag for shortcode '…' does not match start tag".
      if (stack.length === 0 || !seen.has(tag.name)) return false;
      if (stack.pop() !== tag.name) renamed = true;
      continue;
    }
    seen.add(tag.name);
    if (tag.selfClosing || tag.unterminated) continue;
    if (needsClosing(tag.name) ?? (closersAhead.get(tag.name) ?? 0) > 0) stack.push(tag.name);
  }
  // A shortcode left open: "shortcode … must be closed or self-closed".
  return renamed && stack.length === 0;
}

/**
 * Matches opening and closing tags the way Hugo does, reporting unclosed, stray and mismatched tags. Where Hugo would
 * fail, closing tags are matched by name, which says best what is missing; where Hugo builds the page, by position.
 */
export function buildShortcodeTree(tags: readonly ShortcodeTag[], needsClosing: PairingRule): ShortcodeTree {
  const byPosition = hugoPairsByPosition(tags, needsClosing);
  const roots: ShortcodeNode[] = [];
  const all: ShortcodeNode[] = [];
  const problems: StructureProblem[] = [];
  const stack: ShortcodeNode[] = [];
  const byTag = new Map<ShortcodeTag, ShortcodeNode>();
  // Name → the stack positions of open shortcodes of that name, so a closing tag finds its opener without searching
  // the whole stack (quadratic for many stray closers over many unclosed openers).
  const openByName = new Map<string, number[]>();
  const pop = (): ShortcodeNode => {
    const node = stack.pop()!;
    openByName.get(node.open.name)!.pop();
    return node;
  };

  // For unknown shortcodes: how many closing tags with that name are still ahead.
  const closersAhead = new Map<string, number>();
  for (const t of tags) if (t.kind === 'close') closersAhead.set(t.name, (closersAhead.get(t.name) ?? 0) + 1);

  for (const tag of tags) {
    if (tag.kind === 'close') {
      closersAhead.set(tag.name, (closersAhead.get(tag.name) ?? 1) - 1);
      const positions = openByName.get(tag.name);
      const depth = byPosition ? stack.length - 1 : positions && positions.length > 0 ? positions[positions.length - 1]! : -1;
      if (depth < 0) {
        const rule = needsClosing(tag.name);
        problems.push(
          rule === false
            ? {
                code: 'shortcode.closing-not-allowed',
                message: `\`${tag.name}\` takes no inner content, so it has no closing tag: remove \`{{< /${tag.name} >}}\`.`,
                range: tag.range,
                name: tag.name,
              }
            : {
                code: 'shortcode.stray-closing',
                message: `This closing tag has no opening \`${tag.name}\` tag.`,
                range: tag.range,
                name: tag.name,
              },
        );
        continue;
      }
      // Everything opened after the match is left unclosed.
      while (stack.length - 1 > depth) {
        const unclosed = pop();
        problems.push({
          code: 'shortcode.mismatched-closing',
          message: `\`${unclosed.open.name}\` is not closed before \`{{< /${tag.name} >}}\`.`,
          range: unclosed.open.range,
          name: unclosed.open.name,
          open: unclosed.open,
        });
      }
      const node = pop();
      if (node.open.name !== tag.name) {
        problems.push({
          code: 'shortcode.closing-order',
          message: `Hugo closes the innermost open shortcode here, \`${node.open.name}\`, not \`${tag.name}\`: the page builds, but write \`{{${tag.delimiter} /${node.open.name} ${tag.delimiter === '<' ? '>' : '%'}}}\` so the tags say what Hugo does.`,
          range: tag.range,
          name: tag.name,
          rename: { range: tag.nameRange, name: node.open.name },
        });
      }
      node.close = tag;
      byTag.set(tag, node);
      node.inner = { start: node.open.range.end, end: tag.range.start };
      continue;
    }

    const parent = stack[stack.length - 1];
    const node: ShortcodeNode = { open: tag, close: undefined, parent, children: [], inner: undefined };
    (parent ? parent.children : roots).push(node);
    all.push(node);
    byTag.set(tag, node);
    if (tag.selfClosing || tag.unterminated) continue;
    const rule = needsClosing(tag.name);
    const paired = rule ?? (closersAhead.get(tag.name) ?? 0) > 0;
    if (paired) {
      let positions = openByName.get(tag.name);
      if (!positions) {
        positions = [];
        openByName.set(tag.name, positions);
      }
      positions.push(stack.length);
      stack.push(node);
    }
  }

  for (const node of stack) {
    problems.push({
      code: 'shortcode.unclosed',
      message: `\`${node.open.name}\` needs a closing tag \`{{< /${node.open.name} >}}\`.`,
      range: node.open.range,
      name: node.open.name,
      open: node.open,
    });
  }
  return { roots, all, problems, byTag };
}
