import type { StateBlock, Token } from 'markdown-it';
import { type ShortcodeNode, namedParam, positional, textOutputSyntax, textSyntax } from '../../../server/engine';
import { documentAnalysis, paramsOf, tagProblem, type Analysis } from './analysis';
import { describe } from './errorBox';
import { isBlockKind, unknownMessage } from './kinds';
import type { PreviewHost } from './previewHost';
import { renderContext } from './renderContext';
import { tabsetTokens } from './tabs';
import { dedent } from './textBlock';

/** What a block error token carries. */
export interface ErrorMeta {
  readonly message: string;
  readonly source: string | undefined;
}

/** The line (in [from, to)) holding `offset`, or -1. */
function lineOf(state: StateBlock, offset: number, from: number, to: number): number {
  for (let l = from; l < to; l++) if (offset <= state.eMarks[l]!) return offset >= state.bMarks[l]! ? l : -1;
  return -1;
}

function restIsBlank(state: StateBlock, offset: number, line: number): boolean {
  return state.src.slice(offset, state.eMarks[line]).trim() === '';
}

function startsLine(state: StateBlock, offset: number, line: number): boolean {
  return state.bMarks[line]! + state.tShift[line]! === offset;
}

function push(state: StateBlock, type: string, nesting: 1 | 0 | -1, map: [number, number] | null, meta: object): Token {
  const t = state.push(type, 'div', nesting);
  t.block = true;
  t.map = map;
  t.meta = meta;
  return t;
}

function pushError(state: StateBlock, startLine: number, endLine: number, message: string, source: string | undefined): void {
  const meta: ErrorMeta = { message, source };
  push(state, 'istio_error', 0, [startLine, endLine], meta);
}

/**
 * Tokenizes lines [from, to) as Markdown inside a container. The base indentation is the opening tag's (inside a
 * list item the tags and their content are indented by 4), or less when the content is less indented.
 */
export function tokenizeInside(state: StateBlock, tagLine: number, from: number, to: number): void {
  if (from >= to) return;
  let indent = state.sCount[tagLine]!;
  for (let l = from; l < to; l++) if (!state.isEmpty(l)) indent = Math.min(indent, state.sCount[l]!);
  const oldMax = state.lineMax;
  const oldIndent = state.blkIndent;
  state.lineMax = to;
  state.blkIndent = indent;
  state.md.block.tokenize(state, from, to);
  state.lineMax = oldMax;
  state.blkIndent = oldIndent;
}

/** Where a paired tag's parts are, in lines; `undefined` when they do not stand on their own lines in this container. */
interface PairLines {
  readonly openEnd: number;
  readonly close: number;
}

function pairLines(state: StateBlock, node: ShortcodeNode, startLine: number, endLine: number): PairLines | undefined {
  if (!node.close) return undefined;
  const openEnd = lineOf(state, node.open.range.end - 1, startLine, endLine);
  if (openEnd < 0 || !restIsBlank(state, node.open.range.end, openEnd)) return undefined;
  const close = lineOf(state, node.close.range.start, openEnd + 1, endLine);
  if (close < 0 || !startsLine(state, node.close.range.start, close) || !restIsBlank(state, node.close.range.end, close)) return undefined;
  return { openEnd, close };
}

/**
 * The block rule for shortcodes that start a line: figures, callouts, tabs, text blocks, boilerplates, and boxes
 * for broken or unknown ones. Runs at parse time, so it only shapes tokens; what depends on the document (image
 * paths, boilerplate files, glossary) is looked up by the render rules.
 */
export function shortcodeBlock(host: PreviewHost): (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean {
  return (state, startLine, endLine, silent) => {
    const pos = state.bMarks[startLine]! + state.tShift[startLine]!;
    if (state.src.charCodeAt(pos) !== 0x7b /* { */ || state.src.charCodeAt(pos + 1) !== 0x7b) return false;
    const tokenCount = state.tokens.length;
    try {
      const a = documentAnalysis(state.env, state.src, renderContext(host, state.env));
      return handle(state, a, pos, startLine, endLine, silent);
    } catch (e) {
      // Never let a broken shortcode stop the preview: replace what this rule pushed by a box.
      state.tokens.length = tokenCount;
      if (silent) return false;
      pushError(state, startLine, startLine + 1, `The preview failed on this shortcode: ${describe(e)}`, state.src.slice(pos, state.eMarks[startLine]));
      state.line = startLine + 1;
      return true;
    }
  };
}

function handle(state: StateBlock, a: Analysis, pos: number, startLine: number, endLine: number, silent: boolean): boolean {
  const close = a.closeAt.get(pos);
  if (close) {
    // A closing tag whose opening tag was not drawn as a container (an unknown or misplaced one): consume it.
    if (!restIsBlank(state, close.close!.range.end, startLine)) return false;
    if (silent) return true;
    state.line = startLine + 1;
    return true;
  }
  const node = a.openAt.get(pos);
  if (!node) {
    // A stray closing tag, or a tag the scanner could not finish.
    const tag = a.scan.tags.find((t) => t.range.start === pos);
    if (!tag || !restIsBlank(state, tag.range.end, lineOf(state, tag.range.end - 1, startLine, endLine))) return false;
    const last = lineOf(state, tag.range.end - 1, startLine, endLine);
    if (last < 0) return false;
    if (silent) return true;
    pushError(state, startLine, last + 1, tagProblem(a, pos), state.src.slice(tag.range.start, tag.range.end));
    state.line = last + 1;
    return true;
  }
  const tag = node.open;
  const kind = a.kindOf(tag.name);
  if (!isBlockKind(kind)) return false;
  if (tag.unterminated) {
    // The tag runs to the next tag or the end of the file: box its first line, let the rest render.
    if (silent) return true;
    const message = a.scan.problems.find((p) => p.range.start === pos)?.message ?? 'This tag is not closed with `>}}`.';
    pushError(state, startLine, startLine + 1, message, state.src.slice(pos, state.eMarks[startLine]));
    state.line = startLine + 1;
    return true;
  }
  const openEnd = lineOf(state, tag.range.end - 1, startLine, endLine);
  if (openEnd < 0) return false;
  const container = kind === 'callout' || kind === 'tabset' || kind === 'tab' || kind === 'centered';
  // Content after the tag on its line: inline, except for containers, whose template refuses it (a box below).
  if (!restIsBlank(state, tag.range.end, openEnd) && !container) return false;
  if (silent) return true;
  const source = state.src.slice(tag.range.start, tag.range.end);

  const problem = a.problemAt.get(pos);
  // A site's own template pairs by its `.Inner` as surely as a built-in one: a missing closing tag fails the build.
  if (problem && (container || kind === 'text' || kind === 'diagram' || kind === 'template')) {
    pushError(state, startLine, openEnd + 1, problem, source);
    state.line = openEnd + 1;
    return true;
  }

  switch (kind) {
    case 'figure':
      push(state, 'istio_image', 0, [startLine, openEnd + 1], { params: paramsOf(tag) });
      state.line = openEnd + 1;
      return true;
    case 'boilerplate':
      push(state, 'istio_boilerplate', 0, [startLine, openEnd + 1], { name: positional(tag, 0)?.value ?? '' });
      state.line = openEnd + 1;
      return true;
    case 'text':
      return textBlock(state, node, startLine, endLine);
    case 'diagram':
      return textBlock(state, node, startLine, endLine, tag.name);
    case 'callout':
    case 'centered':
    case 'tab':
    case 'tabset':
      return containerBlock(state, node, kind, startLine, endLine);
    case 'placeholder':
    case 'template':
    case 'unknown': {
      // A template: drawn as an unknown one, for the render rule to tell by the document's own site (VS Code parses
      // without the document, so this catalog may be the workspace's).
      const unknown = kind !== 'placeholder';
      const message = unknown ? unknownMessage(tag.name) : `"${tag.name}" is drawn by istio.io from its data or scripts; the preview does not show it.`;
      push(state, 'istio_placeholder', 0, [startLine, openEnd + 1], { name: tag.name, message, error: unknown, source });
      // Inner content (of a paired one) follows as ordinary Markdown; its closing tag is consumed above.
      state.line = openEnd + 1;
      return true;
    }
    default:
      return false;
  }
}

/** A `text` block, or a diagram's source (`syntax` given: `mermaid`) shown the same way. */
function textBlock(state: StateBlock, node: ShortcodeNode, startLine: number, endLine: number, syntax?: string): boolean {
  const lines = pairLines(state, node, startLine, endLine);
  const tag = node.open;
  if (!lines || !node.close) {
    const source = state.src.slice(tag.range.start, node.close?.range.end ?? tag.range.end);
    pushError(state, startLine, startLine + 1, `A \`${tag.name}\` block needs its opening and closing tags on their own lines.`, source);
    state.line = startLine + 1;
    return true;
  }
  const raw = state.src.slice(tag.range.end, node.close.range.start);
  const t = push(state, 'istio_text', 0, [startLine, lines.close + 1], {
    syntax: syntax ?? textSyntax(tag)?.value ?? '',
    outputis: syntax ? '' : (textOutputSyntax(tag)?.value ?? ''),
    expandlinks: syntax === undefined && namedParam(tag, 'expandlinks')?.value !== 'false',
    repo: namedParam(tag, 'repo')?.value ?? 'istio',
  });
  t.content = dedent(raw);
  state.line = lines.close + 1;
  return true;
}

function containerBlock(state: StateBlock, node: ShortcodeNode, kind: 'callout' | 'centered' | 'tab' | 'tabset', startLine: number, endLine: number): boolean {
  const tag = node.open;
  const lines = pairLines(state, node, startLine, endLine);
  if (!lines) {
    // `{{< tip >}}One line.{{< /tip >}}`: the site's template refuses it ("must span multiple lines").
    const closeLine = node.close ? lineOf(state, node.close.range.end - 1, startLine, endLine) : -1;
    const last = closeLine >= 0 && restIsBlank(state, node.close!.range.end, closeLine) ? closeLine : lineOf(state, tag.range.end - 1, startLine, endLine);
    const source = state.src.slice(tag.range.start, last === closeLine && node.close ? node.close.range.end : tag.range.end);
    pushError(state, startLine, last + 1, `\`${tag.name}\` needs its opening and closing tags on their own lines, with the content between them.`, source);
    state.line = last + 1;
    return true;
  }
  const map: [number, number] = [startLine, lines.close + 1];
  const params = paramsOf(tag);
  const type = kind === 'callout' ? 'istio_callout' : kind === 'centered' ? 'istio_centered' : kind === 'tab' ? 'istio_tab' : 'istio_tabset';
  const meta =
    kind === 'tab'
      ? { name: params['name'] ?? '', value: params['category-value'], orphan: node.parent === undefined, index: -1 }
      : kind === 'callout'
        ? { name: tag.name, caption: params['caption'] }
        : kind === 'centered'
          ? { className: params['0'] }
          : { names: [] as string[], values: [] as (string | undefined)[], category: params['category-name'] };
  const open = push(state, `${type}_open`, 1, map, meta);
  const first = state.tokens.length;
  tokenizeInside(state, startLine, lines.openEnd + 1, lines.close);
  if (kind === 'tabset') tabsetTokens(state, open, first);
  push(state, `${type}_close`, -1, null, meta);
  state.line = lines.close + 1;
  return true;
}
