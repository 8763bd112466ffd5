import * as vscode from 'vscode';
import { markdownPrefix, markdownSnippet, planImages, replaceInstead, shortcodeSnippet, type IncomingImage, type PlannedImage } from './imagePlan';

/** What adding images to a page comes to: the files to write and the two texts that can link them. */
export interface ImageInsertion {
  readonly images: readonly PlannedImage[];
  /** Creates the copies; never overwrites unless the user chose Replace. */
  readonly edit: vscode.WorkspaceEdit;
  /** The site's `{{< image >}}` figure(s). */
  readonly shortcode: vscode.SnippetString;
  /** Plain Markdown `![…](./x.png)`. */
  readonly markdown: vscode.SnippetString;
}

/**
 * Plans adding `files` to the folder of `page`, asks about every name taken by different content, and builds the
 * edit. `undefined`: not a content page, no images among the files, or the user cancelled a question.
 */
export async function prepareInsertion(page: vscode.Uri, files: readonly IncomingImage[], token?: vscode.CancellationToken): Promise<ImageInsertion | undefined> {
  if (page.scheme !== 'file' || files.length === 0) return undefined;
  // The page's own folder: where imageTarget() puts images of every kind of page.
  const folder = page.with({ path: page.path.slice(0, page.path.lastIndexOf('/')) });
  let names: string[] = [];
  try {
    names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    // the folder is not on disk yet (a new page): every name is free
  }
  const plan = await planImages(page.path, names, files, async (name) => {
    try {
      return await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
    } catch {
      return undefined;
    }
  });
  if (!plan || plan.images.length === 0 || token?.isCancellationRequested) return undefined;
  const images: PlannedImage[] = [];
  for (const image of plan.images) {
    if (image.conflict === undefined) {
      images.push(image);
      continue;
    }
    const choice = await askConflict(image);
    if (choice === undefined || token?.isCancellationRequested) return undefined;
    images.push(choice);
  }
  const edit = new vscode.WorkspaceEdit();
  for (const image of images) {
    if (image.action === 'link') continue;
    edit.createFile(vscode.Uri.joinPath(folder, image.name), { contents: image.source.bytes, overwrite: image.action === 'replace' });
  }
  const linked = images.map((i) => i.name);
  return { images, edit, shortcode: new vscode.SnippetString(shortcodeSnippet(linked)), markdown: new vscode.SnippetString(markdownSnippet(linked, markdownPrefix(plan.target))) };
}

/**
 * A quick pick (not a modal: a keyboard or a test can answer it) whose default is the free name; Replace only on that
 * explicit choice; Escape cancels the whole insertion.
 */
async function askConflict(image: PlannedImage): Promise<PlannedImage | undefined> {
  const taken = image.conflict ?? image.name;
  const items: (vscode.QuickPickItem & { readonly choice: PlannedImage })[] = [
    { label: vscode.l10n.t('Save as {0}', image.name), description: vscode.l10n.t('keeps the existing file'), choice: image },
    { label: vscode.l10n.t('Replace {0}', taken), description: vscode.l10n.t('overwrites the existing file'), choice: replaceInstead(image) },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Istio: {0} is already in the page folder with other content', taken),
    placeHolder: vscode.l10n.t('Save the image under a new name or replace the existing file'),
    ignoreFocusOut: true,
  });
  return picked?.choice;
}
