/**
 * The Move Page command: which files move when a page gets a new URL. A bundle or a section moves as its folder
 * (with its images and, for a section, every page below it), a single-file page as its file; and every translation
 * of the page moves with it, since istio.io pairs translations by their path under `content/<lang>/`. The editor then
 * renames these files, and `workspace/willRenameFiles` (pageMove.ts) brings the links along.
 */
import { isInside } from '../../site/paths';
import { DEFAULT_LANGUAGE, locate, pathIn } from '../../site/siteLayout';
import type { SiteIndex } from '../../site/siteIndex';
import type { FileMove, RenameRefusal } from '../feature';

export interface PageMovePlan {
  /** The default language first, then the translations that exist. */
  readonly moves: readonly FileMove[];
}

/** URL paths an author can type: lower-case words, digits, `-`, `_` and `.` between slashes. */
const URL_PATH = /^[\p{Ll}\p{Lo}\p{Nd}._~-]+(?:\/[\p{Ll}\p{Lo}\p{Nd}._~-]+)*$/u;

/** The moves that give the page at `path` the URL `newUrl` (`/docs/ops/new-place/`, with or without the slashes). */
export function planPageMove(site: SiteIndex, path: string, newUrl: string): PageMovePlan | RenameRefusal {
  const loc = locate(site.layout, path);
  if (!loc || loc.kind === 'resource') return { refused: 'Only a page of the site (a Markdown file under content/<lang>/) can be moved.' };
  let rel = newUrl.trim().replace(/^\/+|\/+$/g, '');
  // `/zh/docs/x/` typed in a zh page means the same as `/docs/x/`: every language moves together.
  const prefix = rel.split('/')[0]!;
  if (site.layout.languages.includes(prefix) && prefix !== DEFAULT_LANGUAGE) rel = rel.slice(prefix.length + 1);
  if (!URL_PATH.test(rel) || rel.split('/').some((s) => s === '.' || s === '..')) return { refused: `\`${newUrl}\` is not a page URL: use lower-case words separated by \`/\`, such as \`/docs/ops/new-place/\`.` };
  const folder = loc.kind !== 'leaf';
  if (loc.kind === 'section' && loc.pageDir === '') return { refused: 'A language\'s home page cannot be moved.' };
  const moves: FileMove[] = [];
  for (const lang of site.layout.languages) {
    const version = pathIn(site.layout, lang, loc.relPath);
    if (!site.exists(version)) continue;
    const from = folder ? pathIn(site.layout, lang, loc.pageDir) : version;
    const to = folder ? pathIn(site.layout, lang, rel) : `${pathIn(site.layout, lang, rel)}${version.slice(version.lastIndexOf('.'))}`;
    if (from === to) return { refused: 'The page is already at that URL.' };
    if (isInside(to, from)) return { refused: 'A page cannot move inside its own folder.' };
    if (site.stat(to) !== undefined || (!folder && site.stat(pathIn(site.layout, lang, rel)) !== undefined)) return { refused: `\`${relative(site, to)}\` already exists.` };
    moves.push({ from, to });
  }
  return { moves };
}

function relative(site: SiteIndex, path: string): string {
  return `content${path.slice(site.layout.contentDir.length)}`;
}
