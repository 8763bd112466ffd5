import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IstioSettings } from '../../engine';
import { LanguageService, EXCLUDED_DIRS, findSiteRoot } from '../../engine';
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

/** Markdown files under `target` (a folder or one file), sorted; excluded folders and symbolic links are skipped. */
export function collectMarkdown(target: string): string[] {
  const out: string[] = [];
  const stat = fs.statSync(target);
  if (stat.isFile()) return MARKDOWN.test(target) ? [target] : [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to check there
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
async function markdownUnder(service: LanguageService, target: string): Promise<string[]> {
  return (await service.pagesUnder(target.replace(/\\/g, '/'))) ?? collectMarkdown(target);
}

/**
 * Checks every Markdown page under the targets with the engine's registered rules, exactly as the editor
 * does: the site is indexed first, so checks that look at other files see the whole site.
 */
export async function check(targets: readonly string[], cwd: string, configFile: string | undefined, skip: readonly string[] = []): Promise<CheckResult> {
  const started = performance.now();
  const nodeFs = new SnapshotFileSystem(new NodeFileSystem());
  // mdspell's dictionary is loaded only when spelling is wanted and installed (0.8 s).
  const dictionary = skip.includes('spelling') ? undefined : dictionaryPath();
  const service = new LanguageService({
    fs: nodeFs,
    scan: { sliceMs: 1_000_000, pause: () => Promise.resolve(), summaries: false },
    onError: (m) => console.error(m),
    ...(dictionary ? { spelling: mdspellFactory(dictionary) } : {}),
  });
  const settingsByRoot = new Map<string, IstioSettings>();
  const sources = new Set<string>();
  const settingsFor = (root: string): IstioSettings => {
    let s = settingsByRoot.get(root);
    if (!s) {
      const loaded = loadSettings(root, configFile);
      loaded.sources.forEach((f) => sources.add(f));
      s = loaded.settings;
      settingsByRoot.set(root, s);
    }
    return s;
  };

  const files = [...new Set((await Promise.all(targets.map((t) => markdownUnder(service, path.resolve(cwd, t))))).flat())].sort();
  const results: CheckedFile[] = [];
  let fileCount = 0;
  for (const file of files) {
    const enginePath = file.replace(/\\/g, '/');
    // Only pages of a site are checked: README.md and other Markdown outside content/<lang>/ is not content.
    const location = await service.contentLocation(enginePath);
    if (!location) continue;
    const text = nodeFs.readText(enginePath);
    if (text === undefined) continue;
    const settings = settingsFor(location.siteRoot);
    const document = TextDocument.create(pathToUri(file), 'markdown', 1, text);
    const { diagnostics } = service.diagnostics(enginePath, document, settings);
    fileCount++;
    if (diagnostics.length > 0) {
      diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      results.push({ path: path.relative(cwd, file).replace(/\\/g, '/') || path.basename(file), diagnostics });
    }
  }
  service.dispose();
  return { files: results, fileCount, durationMs: performance.now() - started, settingsSources: [...sources] };
}

/** Whether `dir` lies inside a Hugo site (a folder holding `content/<lang>/`). */
export function inSite(dir: string): boolean {
  return findSiteRoot(new NodeFileSystem(), path.join(dir, '_').replace(/\\/g, '/')) !== undefined;
}
