import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DiagnosticFamily, IstioSettings, RuleTimings, SeverityOverride } from '../../engine';
import { DIAGNOSTIC_SOURCE, LanguageService, diagnosticInfo, isDiagnosticCode, isInside, EXCLUDED_DIRS, findSiteRoot } from '../../engine';
import { FRONTMATTER_VALIDATORS } from '../node/frontmatterValidators';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { dictionaryPath, mdspellFactory } from '../node/spelling';
import { pathToUri } from '../node/uris';
import { loadSettings } from './settingsFile';
import { SnapshotFileSystem } from './snapshotFileSystem';

export interface CheckedFile {
  /** Relative to the current folder, with `/` separators. */
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface CheckResult {
  readonly files: readonly CheckedFile[];
  readonly fileCount: number;
  readonly durationMs: number;
  /** Settings files that were read. */
  readonly settingsSources: readonly string[];
}

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * Markdown files under `target` (a folder or one file), sorted; excluded folders and symbolic links are skipped.
 * A folder that cannot be read is passed to `unreadable` (and its files are not checked).
 */
export function collectMarkdown(target: string, unreadable: (path: string, error: unknown) => void = () => undefined): string[] {
  const out: string[] = [];
  const stat = fs.statSync(target);
  if (stat.isFile()) return MARKDOWN.test(target) ? [target] : [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      unreadable(dir, e);
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!EXCLUDED_DIRS.has(e.name)) walk(full);
      } else if (e.isFile() && MARKDOWN.test(e.name)) out.push(full);
    }
  };
  walk(target);
  return out.sort();
}

/**
 * The Markdown files under `target`: from the site index when the target lies in a site (the index lists the
 * tree once, and the check needs it anyway), otherwise by walking the folder.
 */
async function markdownUnder(service: LanguageService, target: string, unreadable: (path: string, error: unknown) => void): Promise<string[]> {
  const stat = fs.statSync(target);
  const probe = (stat.isDirectory() ? path.join(target, '_') : target).replace(/\\/g, '/');
  const site = service.siteOf(probe);
  const t = target.replace(/\\/g, '/');
  // The site root or a place inside content/: the index holds every page there.
  if (!site || !(t === site.layout.root || isInside(t, site.layout.contentDir))) return collectMarkdown(target, unreadable);
  await site.scan();
  for (const dir of site.unreadableFolders()) if (isInside(dir, t)) unreadable(dir, readError(dir));
  const out: string[] = [];
  for (const f of site.allFiles()) {
    if (f.location.kind !== 'resource' && MARKDOWN.test(f.path) && isInside(f.path, t)) out.push(f.path);
  }
  return out;
}

/**
 * The folders the CLI may find sites in: for each target, the site it lies in (a target inside `content/` names its
 * site), or the target's own folder. A site in another folder, which a path or link could name, is never read.
 */
function workspaceOf(targets: readonly string[]): string[] {
  const disk = new NodeFileSystem();
  return targets.map((t) => {
    const isDir = fs.statSync(t).isDirectory();
    const probe = (isDir ? path.join(t, '_') : t).replace(/\\/g, '/');
    return findSiteRoot(disk, probe) ?? (isDir ? t : path.dirname(t)).replace(/\\/g, '/');
  });
}

/** Why a path cannot be read, from the file system itself (the engine's reads only say "not there"). */
function readError(p: string): unknown {
  try {
    if (fs.statSync(p).isDirectory()) fs.readdirSync(p);
    else fs.readFileSync(p);
    return undefined;
  } catch (e) {
    return e;
  }
}

/** The finding for a file or folder the check could not read: an error, so the run fails. */
function unreadableFinding(isFolder: boolean, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 1,
    code: 'file.unreadable',
    source: DIAGNOSTIC_SOURCE,
    message: isFolder
      ? `This folder could not be read${code ? ` (${code})` : ''}: the pages in it were not checked.`
      : `This file could not be read${code ? ` (${code})` : ''}: it was not checked.`,
  };
}

/**
 * Checks every Markdown page under the targets with the engine's registered rules, exactly as the editor
 * does: the site is indexed first, so checks that look at other files see the whole site.
 */
export async function check(targets: readonly string[], cwd: string, configFile: string | undefined, dropped: readonly DiagnosticFamily[] = [], timings?: RuleTimings): Promise<CheckResult> {
  const started = performance.now();
  const nodeFs = new SnapshotFileSystem(new NodeFileSystem());
  // mdspell's dictionary is loaded only when spelling is wanted and installed (0.8 s).
  const dictionary = dropped.includes('spelling') ? undefined : dictionaryPath();
  const resolved = targets.map((t) => path.resolve(cwd, t));
  const service = new LanguageService({
    fs: nodeFs,
    scan: { sliceMs: 1_000_000, pause: () => Promise.resolve(), summaries: false },
    onError: (m) => console.error(m),
    ...(dictionary ? { spelling: mdspellFactory(dictionary) } : {}),
    workspaceFolders: workspaceOf(resolved),
    ...(timings ? { timings } : {}),
    ...(FRONTMATTER_VALIDATORS ? { frontmatterValidators: FRONTMATTER_VALIDATORS } : {}),
  });
  const results: CheckedFile[] = [];
  const unreadableResults: CheckedFile[] = [];
  const relative = (file: string): string => path.relative(cwd, file).replace(/\\/g, '/') || path.basename(file);
  // Unreadable files and folders are findings: a check that cannot read a page must not pass it in silence.
  const reported = new Set<string>();
  const unreadable = (p: string, error: unknown, isFolder = true): void => {
    if (reported.has(p)) return;
    reported.add(p);
    unreadableResults.push({ path: relative(p), diagnostics: [unreadableFinding(isFolder, error)] });
  };
  const settingsByRoot = new Map<string, IstioSettings>();
  const sources = new Set<string>();
  const settingsFor = (root: string): IstioSettings => {
    let s = settingsByRoot.get(root);
    if (!s) {
      const loaded = loadSettings(root, configFile);
      loaded.sources.forEach((f) => sources.add(f));
      s = withFamiliesOff(loaded.settings, dropped);
      settingsByRoot.set(root, s);
    }
    return s;
  };

  const files = [...new Set((await Promise.all(resolved.map((t) => markdownUnder(service, t, unreadable)))).flat())].sort();
  let fileCount = 0;
  for (const file of files) {
    const enginePath = file.replace(/\\/g, '/');
    // Only pages of a site are checked: README.md and other Markdown outside content/<lang>/ is not content.
    const location = await service.contentLocation(enginePath);
    if (!location) continue;
    const text = nodeFs.readText(enginePath);
    if (text === undefined) {
      // Listed a moment ago: unreadable, unless it was deleted meanwhile.
      const error = readError(file);
      if (fs.existsSync(file)) unreadable(file, error, false);
      continue;
    }
    const settings = settingsFor(location.siteRoot);
    const document = TextDocument.create(pathToUri(file), 'markdown', 1, text);
    const { diagnostics } = service.diagnostics(enginePath, document, settings);
    fileCount++;
    if (diagnostics.length > 0) {
      diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      results.push({ path: relative(file), diagnostics });
    }
  }
  service.dispose();
  // What could not be read comes first: it explains the pages missing from the rest.
  return { files: [...unreadableResults, ...results], fileCount, durationMs: performance.now() - started, settingsSources: [...sources] };
}

/** Whether `dir` lies inside a Hugo site (a folder holding `content/<lang>/`). */
export function inSite(dir: string): boolean {
  return findSiteRoot(new NodeFileSystem(), path.join(dir, '_').replace(/\\/g, '/')) !== undefined;
}

/**
 * The settings with `dropped` turned off: each family `off`, and its codes' own entries removed, so that no rule that
 * reports only these families runs (`DiagnosticRule.families`). What the selection drops anyway, never run.
 */
function withFamiliesOff(settings: IstioSettings, dropped: readonly DiagnosticFamily[]): IstioSettings {
  if (dropped.length === 0) return settings;
  const severity: Record<string, SeverityOverride> = {};
  for (const [key, value] of Object.entries(settings.diagnostics.severity)) {
    const family = isDiagnosticCode(key) ? diagnosticInfo(key).family : undefined;
    if (!family || !dropped.includes(family)) severity[key] = value;
  }
  for (const family of dropped) severity[family] = 'off';
  return { ...settings, diagnostics: { ...settings.diagnostics, severity } };
}
