/**
 * The `istio/translations`, `istio/planTranslation` and `istio/translationStatus` requests: the core's answers,
 * with paths turned into URIs, and git consulted for the status report.
 */
import * as fs from 'node:fs';
import type { LanguageStatus, PlanTranslationParams, PlanTranslationResult, TranslationStatusParams, TranslationStatusResult, TranslationsParams, TranslationsResult } from '../../protocol';
import { planTranslation, findTranslations, listTranslations, classify, type Commit, type GitFacts, type TranslationPair, type LanguageService, type SiteIndex, DEFAULT_LANGUAGE } from '../../engine';
import { gitFacts, openRepository, type GitRepository } from './git';
import { pathToUri, uriToPath } from './uris';

async function readySite(service: LanguageService, uri: string): Promise<{ site: SiteIndex; path: string } | undefined> {
  const path = uriToPath(uri);
  // A folder (the workspace folder, the site root) counts as inside itself.
  const site = path ? (service.siteOf(path) ?? service.siteOf(`${path}/_`)) : undefined;
  if (!path || !site) return undefined;
  // Translation keys and new language folders are only all known once the index is complete.
  await site.scan();
  return { site, path };
}

export async function translationsRequest(service: LanguageService, params: TranslationsParams): Promise<TranslationsResult | null> {
  const found = await readySite(service, params.uri);
  const t = found && findTranslations(found.site, found.path);
  if (!t) return null;
  return {
    path: t.relPath,
    lang: t.lang,
    sourceLang: DEFAULT_LANGUAGE,
    kind: t.kind,
    languages: t.versions.map((v) => ({
      lang: v.lang,
      uri: v.path === found.path ? params.uri : pathToUri(v.path),
      exists: v.exists,
      ...(v.title !== undefined ? { title: v.title } : {}),
      ...(v.byTranslationKey ? { byTranslationKey: true } : {}),
    })),
  };
}

export async function planTranslationRequest(service: LanguageService, params: PlanTranslationParams): Promise<PlanTranslationResult> {
  const found = await readySite(service, params.uri);
  if (!found) return { ok: false, reason: 'not-content', message: 'This file is not in a Hugo site (no content/<language>/ above it).' };
  const r = planTranslation(found.site, found.path, params.lang);
  if (!r.ok) return { ok: false, reason: r.reason, message: r.message, ...(r.target !== undefined ? { targetUri: pathToUri(r.target) } : {}) };
  const { plan } = r;
  return {
    ok: true,
    plan: {
      fromUri: pathToUri(plan.from),
      targetUri: pathToUri(plan.target),
      text: plan.text,
      copies: plan.copies.map((c) => ({ from: pathToUri(c.from), to: pathToUri(c.to) })),
      kept: plan.kept.map(pathToUri),
    },
  };
}

/** Git is never run in an untrusted workspace: settings in a repository's own config (`core.fsmonitor`, `gpg.program`, …) run commands. */
const UNTRUSTED: GitRepository = {
  ok: false,
  code: 'untrusted',
  reason: 'the workspace is not trusted, and git can run commands named in a repository’s own configuration, so it was not run. Trust the workspace to see stale translations.',
};

export async function translationStatusRequest(service: LanguageService, params: TranslationStatusParams): Promise<TranslationStatusResult | null> {
  const found = await readySite(service, params.uri);
  if (!found) return null;
  const { site } = found;
  const listing = listTranslations(site);
  // Only a missing field (a client without workspace trust) or the boolean true lets git run: "false", 0 and null do not.
  const repo: GitRepository = params.trusted === undefined || params.trusted === true ? await openRepository(site.layout.root) : UNTRUSTED;
  let git: { facts: GitFacts; rel: (path: string) => string } | undefined;
  if (repo.ok) {
    const rel = relativeTo(repo.root);
    const pairs: TranslationPair[] = listing.languages.flatMap((l) => l.pairs.map((p) => ({ source: rel(p.source), translation: rel(p.translation) })));
    git = { facts: await gitFacts(repo.root, rel(site.layout.contentDir), pairs), rel };
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
            uri: pathToUri(p.translation),
            sourceUri: pathToUri(p.source),
            ...(p.title !== undefined ? { title: p.title } : {}),
            translationCommit: brief(s.translationCommit),
            sourceCommits: s.sourceCommits.map(brief),
          });
        }
      }
    }
    return {
      lang: l.lang,
      translated: l.pairs.length,
      missing: l.missing.map((m) => ({
        path: m.relPath,
        sourceUri: pathToUri(m.source),
        targetUri: pathToUri(m.target),
        ...(m.title !== undefined ? { title: m.title } : {}),
        ...(m.draft ? { draft: true } : {}),
      })),
      stale,
      upToDate,
      uncommitted,
      withoutSource: l.withoutSource.map((w) => ({ path: w.relPath, uri: pathToUri(w.path) })),
    };
  });
  return {
    siteRoot: pathToUri(site.layout.root),
    sourceLang: listing.sourceLang,
    sourcePages: listing.sourcePages,
    git: repo.ok ? { available: true, repoRoot: pathToUri(repo.root), head: repo.head } : { available: false, reason: repo.reason, code: repo.code },
    languages,
  };
}

/** A path relative to the repository root; symbolic links (macOS /tmp → /private/tmp) are resolved first. */
function relativeTo(repoRoot: string): (path: string) => string {
  const realRoot = real(repoRoot);
  return (path) => {
    if (path.startsWith(repoRoot + '/')) return path.slice(repoRoot.length + 1);
    const r = real(path);
    if (r.startsWith(realRoot + '/')) return r.slice(realRoot.length + 1);
    // A file that does not exist yet: resolve its folder.
    const slash = path.lastIndexOf('/');
    const dir = real(path.slice(0, slash));
    return dir.startsWith(realRoot + '/') ? `${dir.slice(realRoot.length + 1)}/${path.slice(slash + 1)}` : path;
  };
}

function real(path: string): string {
  try {
    return fs.realpathSync.native(path).replace(/\\/g, '/');
  } catch {
    return path;
  }
}
