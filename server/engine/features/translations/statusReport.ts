/**
 * The site's translation status (`istio/translationStatus`): the listing of missing and paired pages, and, when git
 * can be read, which translations are stale. The git answers come through the injected `GitPort`: two batched
 * questions for the whole site (one log, one blob look-up) instead of lsync.sh's two processes per page.
 */
import type { SiteIndex } from '../../site/siteIndex';
import type { GitPort, GitRepository } from './gitPort';
import type { ShortcodeCatalog } from '../../catalog/shortcodeCatalog';
import { hugoConfig } from '../../site/hugoConfig';
import { siteLanguages } from './languages';
import { languageReadiness } from './readiness';
import { listTranslations } from './siteStatus';
import { locate } from '../../site/siteLayout';
import { hiddenReason, orderLanguages, pageSection } from './statusView';
import { blobQueries, classify, type Commit, type GitFacts, type TranslationPair } from './staleness';
import type { LanguageStatus, TranslationStatusResult } from './types';

/** Git is never run in an untrusted workspace: settings in a repository's own config (`core.fsmonitor`, `gpg.program`, …) run commands. */
const UNTRUSTED: GitRepository = {
  ok: false,
  code: 'untrusted',
  reason: 'the workspace is not trusted, and git can run commands named in a repository’s own configuration, so it was not run. Trust the workspace to see stale translations.',
};

/** A service created without a git port (an in-memory workspace): staleness cannot be known. */
const NO_GIT_PORT: GitRepository = { ok: false, code: 'no-git', reason: 'git is not available to this language service.' };

export interface StatusOptions {
  readonly catalog: ShortcodeCatalog;
  /** `false` in an untrusted workspace: git is then not asked at all. */
  readonly trusted: boolean;
  readonly git: GitPort | undefined;
  readonly toUri: (path: string) => string;
  /** The file or folder the report is asked for: its language, when it is a translation, comes first. */
  readonly path?: string;
}

export async function translationStatus(site: SiteIndex, options: StatusOptions): Promise<TranslationStatusResult> {
  const { toUri } = options;
  const listing = listTranslations(site);
  const port = options.git;
  // Git runs in other processes: the readiness pass is made while the first of them runs, not after them all.
  const repoAsked: Promise<GitRepository> = !options.trusted ? Promise.resolve(UNTRUSTED) : port ? port.openRepository(site.layout.root) : Promise.resolve(NO_GIT_PORT);
  const pagesOf = new Map(listing.languages.map((l) => [l.lang, l.pages]));
  const readiness = languageReadiness(site, options.catalog, listing.sourceLang, readinessLanguages(site, listing.sourceLang), (l) => pagesOf.get(l) ?? [], toUri);
  const repo = await repoAsked;
  let git: { facts: GitFacts; rel: (path: string) => string } | undefined;
  if (repo.ok && port) {
    const rel = port.relativeTo(repo.root);
    const pairs: TranslationPair[] = listing.languages.flatMap((l) => l.pairs.map((p) => ({ source: rel(p.source), translation: rel(p.translation) })));
    git = { facts: await gitFacts(port, repo.root, rel(site.layout.contentDir), pairs), rel };
  }
  const brief = (c: Commit): { hash: string; date: string; subject: string } => ({ hash: c.hash, date: c.date, subject: c.subject });

  const languages = listing.languages.map((l): LanguageStatus => {
    const stale: LanguageStatus['stale'][number][] = [];
    const uncommitted: string[] = [];
    let upToDate = 0;
    if (git) {
      for (const p of l.pairs) {
        const s = classify({ source: git.rel(p.source), translation: git.rel(p.translation) }, git.facts);
        if (s.kind === 'fresh') upToDate++;
        else if (s.kind === 'uncommitted') uncommitted.push(p.relPath);
        else {
          stale.push({
            path: p.relPath,
            uri: toUri(p.translation),
            sourceUri: toUri(p.source),
            ...(p.title !== undefined ? { title: p.title } : {}),
            translationCommit: brief(s.translationCommit),
            sourceCommits: s.sourceCommits.map(brief),
            section: pageSection(p.relPath),
            ...hidden(p.relPath, p.draft),
          });
        }
      }
    }
    return {
      lang: l.lang,
      translated: l.pairs.length,
      missing: l.missing.map((m) => ({
        path: m.relPath,
        sourceUri: toUri(m.source),
        targetUri: toUri(m.target),
        ...(m.title !== undefined ? { title: m.title } : {}),
        ...(m.draft ? { draft: true } : {}),
        section: pageSection(m.relPath),
        ...hidden(m.relPath, m.draft),
      })),
      stale,
      upToDate,
      uncommitted,
      withoutSource: l.withoutSource.map((w) => ({ path: w.relPath, uri: toUri(w.path) })),
    };
  });
  const asked = options.path !== undefined ? locate(site.layout, options.path)?.lang : undefined;
  const openLang = asked !== undefined && asked !== listing.sourceLang ? asked : undefined;
  return {
    siteRoot: toUri(site.layout.root),
    sourceLang: listing.sourceLang,
    sourcePages: listing.sourcePages,
    ...(openLang !== undefined ? { openLang } : {}),
    git: repo.ok ? { available: true, repoRoot: toUri(repo.root), head: repo.head } : { available: false, reason: repo.reason, code: repo.code },
    languages: orderLanguages(languages, openLang),
    readiness,
  };
}

function hidden(relPath: string, draft: boolean): { hidden?: 'test' | 'draft' } {
  const reason = hiddenReason(relPath, draft);
  return reason ? { hidden: reason } : {};
}

/** The languages with a folder, and those the configuration names without one yet (after Start a New Language). */
function readinessLanguages(site: SiteIndex, sourceLang: string): string[] {
  const langs = new Set(siteLanguages(site));
  for (const l of hugoConfig(site)?.languages?.keys() ?? []) langs.add(l);
  langs.delete(sourceLang);
  return [...langs].sort();
}

/** Gathers everything `classify` needs for `pairs` (repository-relative paths): one log, then one blob look-up. */
async function gitFacts(port: GitPort, repoRoot: string, contentDir: string, pairs: readonly TranslationPair[]): Promise<GitFacts> {
  const history = await port.contentHistory(repoRoot, contentDir);
  const historyOf = (path: string): readonly Commit[] => history.get(path) ?? [];
  const blobs = await port.blobIds(repoRoot, blobQueries(pairs, historyOf));
  return { history: historyOf, blob: (rev, path) => blobs.get(`${rev}:${path}`) };
}
