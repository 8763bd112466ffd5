import * as vscode from 'vscode';
import { isSlug, planNewPage, slugOf } from '../../../server/engine';
import { whereToCreate, type NewPageWhere } from './where';
import { exists } from '../fileExists';

/** Arguments of New Blog Post and New Docs Page (all optional: without them the command asks). */
export interface NewPageArgs {
  /** A folder or page of the site: its language (and, for a docs page, its section under `docs/`) are taken. */
  readonly folder?: string;
  readonly lang?: string;
  readonly title?: string;
  /** The page's folder name; without it, made from the title (and asked only when the title was asked too). */
  readonly slug?: string;
  /** The folder under `docs/` a docs page goes in (`''`: `docs/` itself). */
  readonly section?: string;
}

export type NewPageKind = 'blog' | 'docs';

/**
 * Istio: New Blog Post / New Docs Page. Asks the language (when the site has several and the folder does not say),
 * the title, the folder name (made from the title), and for a docs page its section; creates
 * `content/<lang>/blog/<year>/<slug>/index.md` (or `docs/<section>/<slug>/index.md`) with the frontmatter of its kind,
 * never over an existing file, and opens it with the cursor on the description. The explorer's context menu passes
 * the folder clicked as a `Uri`.
 */
export async function newPage(kind: NewPageKind, arg?: vscode.Uri | NewPageArgs): Promise<vscode.Uri | undefined> {
  const args: NewPageArgs = arg instanceof vscode.Uri ? { folder: arg.toString() } : (arg ?? {});
  const where = await whereToCreate(args.folder ? vscode.Uri.parse(args.folder) : undefined);
  if (!where) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a folder holding a Hugo site (content/<language>/) first.'));
    return undefined;
  }
  const title = kind === 'blog' ? vscode.l10n.t('Istio: New Blog Post') : vscode.l10n.t('Istio: New Docs Page');
  const lang = args.lang ?? where.lang ?? (await askLanguage(where, title));
  if (!lang) return undefined;
  const pageTitle = args.title ?? (await askTitle(title));
  if (!pageTitle) return undefined;
  const slug = args.slug ?? (args.title === undefined ? await askSlug(title, slugOf(pageTitle)) : slugOf(pageTitle));
  if (!slug) return undefined;
  const section = kind === 'docs' ? (args.section ?? where.docsSection ?? (await askSection(where, lang, title))) : undefined;
  if (section === undefined && kind === 'docs') return undefined;

  const plan = planNewPage({ kind, lang, title: pageTitle, slug, today: new Date(), ...(section !== undefined ? { section } : {}) });
  const uri = vscode.Uri.joinPath(where.site.root, 'content', lang, ...plan.relPath.split('/'));
  if (await exists(uri)) {
    const open = vscode.l10n.t('Open It');
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: {0} already exists; nothing was changed.', vscode.workspace.asRelativePath(uri)), open).then(async (choice) => {
      if (choice === open) await vscode.window.showTextDocument(uri);
    });
    return undefined;
  }
  // `overwrite: false`: if the file appeared since the check, the edit fails and nothing is written.
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(plan.text) });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Istio: {0} appeared meanwhile; nothing was changed.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  // The cursor is part of the opening (not set once the editor shows): keys typed at once land in the description.
  const document = await vscode.workspace.openTextDocument(uri);
  const at = document.positionAt(plan.cursor);
  await vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(at, at) });
  return uri;
}

async function askLanguage(where: NewPageWhere, title: string): Promise<string | undefined> {
  const languages = where.site.languages;
  if (languages.length <= 1) return languages[0];
  const hint = where.langHint;
  const ordered = hint && languages.includes(hint) ? [hint, ...languages.filter((l) => l !== hint)] : languages;
  const picked = await vscode.window.showQuickPick(
    ordered.map((l) => ({ label: l, description: `content/${l}/` })),
    { title, placeHolder: vscode.l10n.t('Language of the page') },
  );
  return picked?.label;
}

async function askTitle(title: string): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('The title of the page, as the site shows it'),
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a title')),
  });
  return typed?.trim() || undefined;
}

async function askSlug(title: string, proposed: string): Promise<string | undefined> {
  const typed = await vscode.window.showInputBox({
    title,
    value: proposed,
    prompt: vscode.l10n.t('The name of the page folder, which is also the end of its URL'),
    validateInput: (v) => (isSlug(v.trim()) ? undefined : vscode.l10n.t('Lower-case letters and digits, words joined by -')),
  });
  return typed?.trim() || undefined;
}

/** The folders under `docs/` that are sections (hold an `_index.md`), `docs/` itself first. */
async function askSection(where: NewPageWhere, lang: string, title: string): Promise<string | undefined> {
  const pattern = new vscode.RelativePattern(where.site.root, `content/${lang}/docs/**/_index.md`);
  const prefix = vscode.Uri.joinPath(where.site.root, 'content', lang, 'docs').path;
  const sections = (await vscode.workspace.findFiles(pattern))
    .map((u) => u.path.slice(prefix.length).replace(/^\/|\/?_index\.md$/g, ''))
    .sort((a, b) => a.localeCompare(b));
  if (!sections.includes('')) sections.unshift('');
  const picked = await vscode.window.showQuickPick(
    sections.map((s) => ({ label: s ? `docs/${s}/` : 'docs/', section: s })),
    { title, placeHolder: vscode.l10n.t('The section the page goes in') },
  );
  return picked?.section;
}
