import * as vscode from 'vscode';
import { prepareInsertion } from './applyPlan';
import { imageTarget, isSiteImage } from './imagePlan';
import { filesOfUris } from './incoming';
import { IMAGE_EXTENSIONS } from '../../../server/engine';
import { Commands } from '../../../server/protocol';

/** `png`, `jpg`…: the site's image extensions for the file dialog and messages. */
const EXTENSIONS = [...IMAGE_EXTENSIONS].map((e) => e.slice(1));

/** The command's id, as declared in package.json. */
export const INSERT_IMAGE_COMMAND = Commands.insertImage;

/**
 * Istio: Insert Image…: the same as dropping the files at the cursor(s). Without `uris` it asks: "Choose files…" or one
 * of the images already in the page's folder. Returns the names linked (for scripts and tests).
 */
export async function insertImage(uris?: readonly vscode.Uri[]): Promise<string[] | undefined> {
  const editor = vscode.window.activeTextEditor;
  const page = editor?.document.uri;
  if (!editor || !page || page.scheme !== 'file' || editor.document.languageId !== 'markdown' || !imageTarget(page.path)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Istio: open a page of the site (content/<language>/…) first.'));
    return undefined;
  }
  const chosen = uris ?? (await pickImages(page));
  if (!chosen || chosen.length === 0) return undefined;
  const files = await filesOfUris(chosen);
  const insertion = await prepareInsertion(page, files);
  if (!insertion) {
    if (files.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('Istio: none of these files is an image the site shows ({0}).', EXTENSIONS.join(', ')));
    return undefined;
  }
  // Only links (the files are there already): nothing to apply. (WorkspaceEdit.size counts text edits only.)
  if (insertion.images.some((i) => i.action !== 'link') && !(await vscode.workspace.applyEdit(insertion.edit))) return undefined;
  await editor.insertSnippet(insertion.shortcode, editor.selections);
  return insertion.images.map((i) => i.name);
}

async function pickImages(page: vscode.Uri): Promise<readonly vscode.Uri[] | undefined> {
  const folder = vscode.Uri.joinPath(page, '..');
  let existing: string[] = [];
  try {
    existing = (await vscode.workspace.fs.readDirectory(folder)).filter(([name, type]) => type === vscode.FileType.File && isSiteImage(name)).map(([name]) => name).sort();
  } catch {
    // a folder not on disk: only "Choose files…"
  }
  const choose: vscode.QuickPickItem = { label: vscode.l10n.t('$(folder-opened) Choose files…'), alwaysShow: true };
  const items: vscode.QuickPickItem[] = [choose];
  if (existing.length > 0) items.push({ label: vscode.l10n.t('In the page folder'), kind: vscode.QuickPickItemKind.Separator });
  // One at a time: a folder of many thousand files must not overflow the stack through `push(...)`'s arguments.
  for (const name of existing) items.push({ label: `$(file-media) ${name}`, description: name });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Istio: Insert Image'), placeHolder: vscode.l10n.t('Choose image files, or an image already in the page folder') });
  if (!picked) return undefined;
  if (picked !== choose) return picked.description ? [vscode.Uri.joinPath(folder, picked.description)] : undefined;
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    defaultUri: folder,
    openLabel: vscode.l10n.t('Insert'),
    filters: { [vscode.l10n.t('Images')]: EXTENSIONS },
  });
}
