import type { StateInline } from 'markdown-it';
import { valueShortcode, positional } from '../../../server/engine';
import { fragmentAnalysis, paramsOf, tagProblem, type Analysis } from './analysis';
import { describe } from './errorBox';
import { unknownMessage } from './kinds';
import { unescapeShortcodes } from './textBlock';
import type { PreviewHost } from './previewHost';
import { renderContext } from './renderContext';

/** What an inline error or note token carries. */
export interface BadgeMeta {
  readonly message: string;
  readonly source: string | undefined;
  readonly error: boolean;
  /** For an unknown shortcode: its name, in case the page's site has a template for it. */
  readonly unknown?: string;
  /** The tag's text follows the badge as a text token (the badge only labels it). */
  readonly textFollows?: true;
}

export interface GlossMeta {
  /** The glossary entry: pos0, or the displayed term. */
  readonly entry: string;
}

/** One analysis per inline run (a paragraph's text), found again at every `{` of it. */
const analyses = new WeakMap<StateInline, Analysis>();

function analysisOf(host: PreviewHost, state: StateInline): Analysis {
  let a = analyses.get(state);
  if (!a || a.src !== state.src) {
    a = fragmentAnalysis(state.src, renderContext(host, state.env));
    analyses.set(state, a);
  }
  return a;
}

function badge(state: StateInline, message: string, source: string | undefined, error = true, unknown?: string): void {
  const t = state.push('istio_badge', '', 0);
  const meta: BadgeMeta = { message, source, error, ...(unknown !== undefined && { unknown }) };
  t.meta = meta;
}

function text(state: StateInline, content: string): void {
  state.push('text', '', 0).content = content;
}

/** A badge labelling `source`, which stays in the text after it (as Hugo prints a malformed or stray tag). */
function labelledText(state: StateInline, message: string, source: string): void {
  const t = state.push('istio_badge', '', 0);
  const meta: BadgeMeta = { message, source, error: true, textFollows: true };
  t.meta = meta;
  text(state, source);
}

/**
 * The inline rule at every `{`: glossary terms, icons, escaped examples, and badges for malformed, unknown or
 * misplaced shortcodes. Block-level shortcodes on their own lines never get here (the block rule took them).
 */
export function shortcodeInline(host: PreviewHost): (state: StateInline, silent: boolean) => boolean {
  return (state, silent) => {
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== 0x7b /* { */) return false;
    const next = state.src.charCodeAt(pos + 1);
    if (next !== 0x7b && next !== 0x3c /* < */) return false;
    const tokenCount = state.tokens.length;
    try {
      return handle(host, state, analysisOf(host, state), pos, silent);
    } catch (e) {
      state.tokens.length = tokenCount;
      state.pos = pos;
      if (silent) return false;
      badge(state, `The preview failed here: ${describe(e)}`, undefined);
      text(state, '{');
      state.pos = pos + 1;
      return true;
    }
  };
}

function handle(host: PreviewHost, state: StateInline, a: Analysis, pos: number, silent: boolean): boolean {
  const src = state.src;
  const escapedEnd = a.escapedAt.get(pos);
  if (escapedEnd !== undefined) {
    if (!silent) text(state, unescapeShortcodes(src.slice(pos, escapedEnd)));
    state.pos = escapedEnd;
    return true;
  }
  const malformed = a.malformedAt.get(pos);
  if (malformed) {
    if (!silent) {
      labelledText(state, malformed.message, src.slice(pos, malformed.end));
    }
    state.pos = malformed.end;
    return true;
  }
  const closing = a.closeAt.get(pos);
  if (closing) {
    // The closing tag of a pair drawn here (gloss) or one whose opening tag got a badge: nothing to show.
    state.pos = closing.close!.range.end;
    return true;
  }
  const tag = a.scan.tags.find((t) => t.range.start === pos);
  if (!tag) return false;
  const source = src.slice(tag.range.start, tag.range.end);
  if (tag.unterminated || tag.kind === 'close') {
    if (!silent) {
      labelledText(state, tagProblem(a, pos), source);
    }
    state.pos = tag.range.end;
    return true;
  }
  const node = a.openAt.get(pos)!;
  const kind = a.kindOf(tag.name);
  if (silent) {
    state.pos = node.close && kind === 'gloss' ? node.close.range.end : tag.range.end;
    return true;
  }
  const value = valueShortcode(tag.name, renderContext(host, state.env).values);
  if (value !== undefined) {
    // A value shortcode the source pass left (a tag spanning lines): its value.
    text(state, value);
    state.pos = tag.range.end;
    return true;
  }
  switch (kind) {
    case 'gloss': {
      if (!node.close || !node.inner) {
        badge(state, a.problemAt.get(pos) ?? '`gloss` needs a closing tag.', source);
        state.pos = tag.range.end;
        return true;
      }
      const inner = src.slice(node.inner.start, node.inner.end);
      const meta: GlossMeta = { entry: positional(tag, 0)?.value ?? inner.replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, '').trim() };
      state.push('istio_gloss_open', 'span', 1).meta = meta;
      const oldMax = state.posMax;
      state.pos = node.inner.start;
      state.posMax = node.inner.end;
      state.md.inline.tokenize(state);
      state.posMax = oldMax;
      state.push('istio_gloss_close', 'span', -1).meta = meta;
      state.pos = node.close.range.end;
      return true;
    }
    case 'icon':
      state.push('istio_icon', '', 0).meta = { name: tag.name };
      state.pos = tag.range.end;
      return true;
    case 'figure':
      state.push('istio_image', '', 0).meta = { params: paramsOf(tag) };
      state.pos = tag.range.end;
      return true;
    case 'boilerplate':
      state.push('istio_boilerplate', '', 0).meta = { name: positional(tag, 0)?.value ?? '' };
      state.pos = tag.range.end;
      return true;
    case 'template':
    case 'unknown': {
      // A site's template pairs by its own `.Inner`: an opening tag left unclosed fails the site's build.
      const problem = kind === 'template' ? a.problemAt.get(pos) : undefined;
      if (problem !== undefined) badge(state, problem, source);
      // Otherwise as an unknown one, for the render rule to tell by the document's own site.
      else badge(state, unknownMessage(tag.name), source, true, tag.name);
      state.pos = tag.range.end;
      return true;
    }
    case 'placeholder':
      badge(state, `"${tag.name}" is drawn by istio.io; the preview does not show it.`, source, false);
      state.pos = tag.range.end;
      return true;
    default: {
      const problem = a.problemAt.get(pos);
      labelledText(state, problem ?? `\`${tag.name}\` needs its opening and closing tags on their own lines.`, source);
      state.pos = tag.range.end;
      return true;
    }
  }
}
