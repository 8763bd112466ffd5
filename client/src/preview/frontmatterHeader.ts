import type { StateBlock } from 'markdown-it';
import { parseFrontmatter } from '../../../server/engine';
import { errorBox } from './errorBox';
import { attrsOf, escapeHtml } from './html';

/** What the frontmatter token carries: the YAML text, as VS Code's own `front_matter` token does. */
export interface FrontMatterMeta {
  readonly content: string;
}

/**
 * The frontmatter block (`---` … `---` at the very start). Our own rule, placed first: VS Code adds its
 * `front_matter` rule after the plugins, and without a rule `---` would be read as a rule line or a heading.
 */
export function frontMatterBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.tShift[0] !== 0 || state.blkIndent !== 0) return false;
  if (state.src.slice(state.bMarks[0], state.eMarks[0]).trimEnd() !== '---') return false;
  let close = 1;
  for (; close < endLine; close++) {
    if (state.tShift[close] === 0 && state.src.slice(state.bMarks[close], state.eMarks[close]).trimEnd() === '---') break;
  }
  if (close >= endLine) return false;
  if (silent) return true;
  const t = state.push('istio_front_matter', '', 0);
  t.block = true;
  t.hidden = false;
  t.markup = '---';
  t.map = [0, close + 1];
  const meta: FrontMatterMeta = { content: state.src.slice(state.bMarks[1], state.bMarks[close]).replace(/\n$/, '') };
  t.meta = meta;
  state.line = close + 1;
  return true;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2022-09-07T08:00:00-06:00` → `Sep 7, 2022`, as the site prints a post's date; anything else as written. */
export function formatDate(value: unknown): string | undefined {
  const s = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;
  if (s === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return s;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : s;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The page header istio.io shows from a page's frontmatter: title, subtitle, date and author, description. */
export function renderFrontMatterHeader(meta: FrontMatterMeta, token: { readonly attrs: Array<[string, string]> | null }): string {
  const fm = parseFrontmatter(`---\n${meta.content}\n---\n`);
  const problems = (fm?.problems ?? []).filter((p) => p.code === 'frontmatter.yaml-syntax' || p.code === 'frontmatter.not-a-map');
  if (!fm || problems.length > 0) {
    return errorBox(`The frontmatter is not valid YAML: ${problems.map((p) => p.message).join(' ') || 'it does not parse.'}`, meta.content, attrsOf(token, 'istio-error'));
  }
  const get = (key: string): unknown => fm.byKey.get(key)?.value;
  const title = str(get('title'));
  const subtitle = str(get('subtitle'));
  const description = str(get('description'));
  const date = formatDate(get('publishdate'));
  const attribution = str(get('attribution'));
  if (!title && !subtitle && !description && !date && !attribution) return '';
  const byline = [date, attribution].filter((x): x is string => !!x).map(escapeHtml).join(' | ');
  const parts = [
    title ? `<h1 class="istio-page-title">${escapeHtml(title)}</h1>` : '',
    subtitle ? `<p class="istio-page-subtitle">${escapeHtml(subtitle)}</p>` : '',
    byline ? `<p class="istio-page-byline">${byline}</p>` : '',
    get('draft') === true ? '<p class="istio-page-draft">Draft: not published</p>' : '',
    description ? `<p class="istio-page-description">${escapeHtml(description)}</p>` : '',
  ];
  return `<header${attrsOf(token, 'istio-page-header')}>${parts.join('')}</header>\n`;
}
