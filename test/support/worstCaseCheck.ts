/**
 * One check of a worst-case page, timed, as the robustness test (test/unit/robustness/worstCaseWorker.ts) and the
 * sweep (scripts/bench/scalingSweep.ts) both run it: a fresh service over a small site in memory, and what an editor
 * asks of the page: its diagnostics, its links, its headings, the code actions of its first findings, completion and
 * hover in the last shortcode tag before a third, two thirds and the end of it (as the author moves through it), and
 * definition, rename's preparation and hover in the last link target and on the last heading before each.
 */
import * as nodeFs from 'node:fs';
import * as nodePath from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, LanguageService, MemoryFileSystem } from '../../server/engine';
import { dictionaryPath, mdspellFactory } from '../../server/src/node/spelling';
import { WORST_CASE_FRONTMATTER, WORST_CASE_PAGE } from './worstCases';

const ROOT = '/site';
const SAMPLE = nodePath.join(__dirname, '../fixtures/istio-sample');

export interface WorstCaseSite {
  /** The page's path in the site; by default the blog post of WORST_CASE_PAGE. */
  readonly page?: string;
  /** More files of the site, by path in it (an English page the page translates). */
  readonly files?: Readonly<Record<string, string>>;
  /** mdspell's dictionary folder: with it, istio.io's `.spelling` and `mdl.rb` are at the root and the make-lint checks run. */
  readonly dictionary?: string;
}

export interface WorstCaseResult {
  /** CPU milliseconds of the whole: the process's time, since nothing else runs on the thread meanwhile. */
  readonly ms: number;
  readonly findings: number;
  readonly internalError: boolean;
}

/** mdspell's dictionary, or a clear failure: the make-lint checks cannot run without it. */
export function requireDictionary(): string {
  const dictionary = dictionaryPath();
  if (!dictionary) throw new Error("mdspell's dictionary is not installed (npm ci): the make-lint checks cannot run");
  return dictionary;
}

/**
 * Where a worst-case page is checked: the blog post of WORST_CASE_PAGE with an image beside it, or with `translation`
 * (`zh`) the same post in that language, translating an English page of the same text (so that the translation
 * checks compare the two, and the rules of translated pages run).
 */
export function pageSite(text: string, translation?: string): { page: string; files: Record<string, string> } {
  const page = translation ? WORST_CASE_PAGE.replace('content/en/', `content/${translation}/`) : WORST_CASE_PAGE;
  const files: Record<string, string> = { [`${nodePath.posix.dirname(page)}/a.png`]: '' };
  if (translation) {
    files[`content/${translation}/_index.md`] = WORST_CASE_FRONTMATTER;
    files[`content/${translation}/blog/_index.md`] = WORST_CASE_FRONTMATTER;
    files[WORST_CASE_PAGE] = text;
  }
  return { page, files };
}

let lintFiles: Record<string, string> | undefined;

/** The time of one check: a fresh service, so no cache from the previous run helps. */
export function checkWorstCase(text: string, site: WorstCaseSite = {}): WorstCaseResult {
  const page = site.page ?? WORST_CASE_PAGE;
  const lint = site.dictionary
    ? (lintFiles ??= {
        [`${ROOT}/.spelling`]: nodeFs.readFileSync(nodePath.join(SAMPLE, '.spelling'), 'utf8'),
        [`${ROOT}/mdl.rb`]: nodeFs.readFileSync(nodePath.join(SAMPLE, 'mdl.rb'), 'utf8'),
      })
    : {};
  const files: Record<string, string> = {
    [`${ROOT}/content/en/_index.md`]: WORST_CASE_FRONTMATTER,
    [`${ROOT}/content/en/blog/_index.md`]: WORST_CASE_FRONTMATTER,
    ...lint,
  };
  for (const [rel, content] of Object.entries(site.files ?? {})) files[`${ROOT}/${rel}`] = content;
  // The dictionary is parsed once per thread (spelling.ts keeps it by folder), in a caller's uncounted first round.
  const spelling = site.dictionary ? { spelling: mdspellFactory(site.dictionary) } : {};
  const service = new LanguageService({ fs: new MemoryFileSystem(files), ...spelling, scan: { sliceMs: 1_000_000, pause: () => Promise.resolve() } });
  const path = `${ROOT}/${page}`;
  const document = TextDocument.create(`file://${path}`, 'markdown', 1, text);
  const settings = { ...DEFAULT_SETTINGS, maxFileSize: 100_000_000 };
  // CPU time, not wall time: on a machine shared with other work, waiting for a core is not the check's doing.
  const started = process.cpuUsage();
  service.openDocument(path, document);
  const { diagnostics } = service.diagnostics(path, document, settings);
  service.documentLinks(path, document, settings);
  service.headings(path, document);
  service.codeActions(path, document, { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } }, diagnostics.slice(0, 50), settings);
  // A request must not cost the page's square either (completion in a page of open callouts and stray closers
  // searched the open ones for each closer: 1.3 s at 400 KB).
  for (const third of [Math.floor(text.length / 3), Math.floor((2 * text.length) / 3), text.length]) {
    // In the last tag opened before that place, if any: a shortcode's name or a closing tag is asked for there.
    const tag = text.lastIndexOf('{{<', third);
    const position = document.positionAt(tag >= 0 ? tag + 3 : third);
    service.completions(path, document, position, settings);
    service.hover(path, document, position, settings);
    // Ctrl+click and F2 where an author would ask them: in the last link target and on the last heading before it.
    const link = text.lastIndexOf('](', third);
    const heading = text.lastIndexOf('\n#', third);
    for (const at of [link >= 0 ? link + 2 : -1, heading >= 0 ? heading + 3 : -1]) {
      if (at < 0) continue;
      const p = document.positionAt(at);
      service.definition(path, document, p, settings);
      service.prepareRename(path, document, p, settings);
      service.hover(path, document, p, settings);
    }
  }
  const used = process.cpuUsage(started);
  service.dispose();
  return { ms: (used.user + used.system) / 1000, findings: diagnostics.length, internalError: diagnostics.some((d) => d.code === 'internal.error') };
}
