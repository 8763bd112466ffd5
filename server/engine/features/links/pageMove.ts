/**
 * A page's folder or file is about to be renamed or moved (`workspace/willRenameFiles`: F2 or a drag in the
 * explorer, or the Move Page command): the edits that keep the site working, made against the files where they are
 * now. Every link and image reference to a moved page or file is written again to its new URL; links written
 * relative to a moved page are written again from its new place; and each moved page gets its old URL in
 * `aliases:`, as istio.io does, so that bookmarks and other sites' links still arrive.
 *
 * Links that reach a page through one of its aliases are left alone: the alias moves with the page.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { urlKey } from '../../site/pageFacts';
import { isInside } from '../../site/paths';
import { pageUrl } from '../../site/resolve';
import { locate, type ContentLocation } from '../../site/siteLayout';
import type { SiteIndex } from '../../site/siteIndex';
import type { FileMove, FileMoveProvider, PathEdits, SiteWork } from '../feature';
import { addAliasEdit } from './aliasEdit';
import { linkIndexOf, positionsOf, type IndexedLink } from './linkIndex';
import { rewriteTarget, type NewTarget } from './rewriteTarget';
import { linksReady, writtenRange } from './siteLinks';

const MARKDOWN = /\.(md|markdown)$/i;

export const pageMoveProvider: FileMoveProvider = {
  name: 'page-move',
  ready: linksReady,
  moved: (work, moves) => planMove(work, moves),
};

interface Plan {
  /** Old page URL key → new page URL (`/zh/docs/y/`). */
  readonly pages: Map<string, string>;
  /** Old file path → new file path (images and other bundle files). */
  readonly files: Map<string, string>;
  /** Old path → new location, for every moved page. */
  readonly moved: Map<string, ContentLocation>;
}

function planMove({ site }: SiteWork, moves: readonly FileMove[]): PathEdits {
  const plan = planOf(site, moves);
  const edits = new Map<string, TextEdit[]>();
  const push = (path: string, e: TextEdit): void => {
    const list = edits.get(path);
    if (list) list.push(e);
    else edits.set(path, [e]);
  };
  const index = linkIndexOf(site);
  const sources = new Set<string>(plan.moved.keys());
  for (const k of plan.pages.keys()) for (const s of index.sourcesOfUrl(k)) sources.add(s);
  for (const f of plan.files.keys()) for (const s of index.sourcesOfFile(f)) sources.add(s);
  for (const source of [...sources].sort()) {
    const loc = plan.moved.get(source) ?? site.get(source)?.location;
    if (!loc) continue;
    for (const link of index.linksFrom(source)) {
      const target = newTarget(link, plan);
      if (!target && !plan.moved.has(source)) continue;
      const written = rewriteTarget(site.layout, loc, link.kind, link.written, target ?? sameTarget(link));
      if (written !== undefined) push(source, { range: writtenRange(link), newText: written });
    }
  }
  for (const [path, loc] of plan.moved) {
    const old = site.get(path)?.location;
    if (!old || old.relPath.startsWith('boilerplates/') || pageUrl(old) === pageUrl(loc)) continue;
    const text = site.readText(path);
    const edit = text === undefined ? undefined : addAliasEdit(text, pageUrl(old));
    if (!text || !edit) continue;
    const at = positionsOf(text);
    push(path, { range: { start: at(edit.range.start), end: at(edit.range.end) }, newText: edit.newText });
  }
  return edits;
}

/** What moves where: the pages (by URL) and files under each moved path, and where each page lands. */
function planOf(site: SiteIndex, moves: readonly FileMove[]): Plan {
  const plan: Plan = { pages: new Map(), files: new Map(), moved: new Map() };
  const inside = moves.filter((m) => locate(site.layout, m.from) !== undefined || isInside(m.from, site.layout.contentDir));
  for (const f of site.allFiles()) {
    const m = inside.find((x) => isInside(f.path, x.from));
    if (!m) continue;
    const to = m.to + f.path.slice(m.from.length);
    const loc = locate(site.layout, to);
    if (!loc) continue; // moved out of the content tree: nothing to point links at
    if (f.location.kind === 'resource' || !MARKDOWN.test(f.path)) {
      plan.files.set(f.path, to);
      continue;
    }
    plan.moved.set(f.path, loc);
    plan.files.set(f.path, to);
    if (pageUrl(f.location) !== pageUrl(loc)) plan.pages.set(urlKey(pageUrl(f.location)), pageUrl(loc));
  }
  return plan;
}

function newTarget(link: IndexedLink, plan: Plan): NewTarget | undefined {
  if (link.target.kind === 'page') {
    const url = plan.pages.get(link.target.url);
    return url === undefined ? undefined : { kind: 'page', url };
  }
  const path = plan.files.get(link.target.path);
  return path === undefined ? undefined : { kind: 'file', path };
}

/** The target of a link whose page moved but whose target did not. */
function sameTarget(link: IndexedLink): NewTarget {
  if (link.target.kind === 'file') return { kind: 'file', path: link.target.path };
  return { kind: 'page', url: link.target.url === '' ? '/' : `/${link.target.url}/` };
}
