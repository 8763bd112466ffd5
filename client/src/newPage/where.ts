import * as vscode from 'vscode';
import { DEFAULT_LANGUAGE, LANGUAGE_FOLDER } from '../../../server/engine';

/** A Hugo site on disk: its root (the folder holding `content/`) and its language folders, the source one first. */
export interface SiteOnDisk {
  readonly root: vscode.Uri;
  readonly languages: readonly string[];
}

/** Where a new page was asked for: the site, and what the folder (or page) chosen already says. */
export interface NewPageWhere {
  readonly site: SiteOnDisk;
  /** The language folder the target is in. */
  readonly lang?: string;
  /** For a target under `content/<lang>/docs/`: the folder under `docs/` (`tasks/traffic-management`, or `''`). */
  readonly docsSection?: string;
  /** The language of the page open in the editor: offered first when the command asks. */
  readonly langHint?: string;
}

/**
 * The site holding `target` (a folder or page the command was run on), or else the site of the active editor's page,
 * or of a workspace folder (the folder is the site root, or `content/` or a folder inside it).
 */
export async function whereToCreate(target: vscode.Uri | undefined): Promise<NewPageWhere | undefined> {
  const tries = [target, vscode.window.activeTextEditor?.document.uri, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  for (const uri of tries) {
    if (uri?.scheme !== 'file') continue;
    const site = await siteHolding(uri);
    if (!site) continue;
    if (uri === target) return { site, ...(await placeOf(site, uri)) };
    const active = vscode.window.activeTextEditor?.document.uri;
    return { site, langHint: active?.scheme === 'file' ? (await placeOf(site, active)).lang : undefined };
  }
  return undefined;
}

/** The nearest ancestor of `uri` (or `uri` itself) whose `content/` holds language folders. */
async function siteHolding(uri: vscode.Uri): Promise<SiteOnDisk | undefined> {
  let dir = uri;
  for (let i = 0; i < 32; i++) {
    const languages = await languagesUnder(vscode.Uri.joinPath(dir, 'content'));
    if (languages.length > 0) return { root: dir, languages };
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}

async function languagesUnder(content: vscode.Uri): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(content))
      .filter(([name, type]) => type & vscode.FileType.Directory && LANGUAGE_FOLDER.test(name))
      .map(([name]) => name)
      .sort((a, b) => (a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b)));
  } catch {
    return [];
  }
}

/** The language and docs section `target` names: a folder, or a page (a bundle's `index.md` stands for its folder). */
async function placeOf(site: SiteOnDisk, target: vscode.Uri): Promise<{ lang?: string; docsSection?: string }> {
  const prefix = vscode.Uri.joinPath(site.root, 'content').path + '/';
  if (!target.path.startsWith(prefix)) return {};
  const parts = target.path.slice(prefix.length).split('/').filter((p) => p !== '');
  const lang = parts.shift();
  if (!lang || !site.languages.includes(lang)) return {};
  if (!(await isFolder(target))) {
    const file = parts.pop();
    // A bundle's page: the new page goes beside the bundle, not inside it.
    if (file === 'index.md') parts.pop();
  }
  return parts[0] === 'docs' ? { lang, docsSection: parts.slice(1).join('/') } : { lang };
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
