import * as vscode from 'vscode';
import { prepareInsertion, type ImageInsertion } from './applyPlan';
import { imageTarget } from './imagePlan';
import { filesOfDataTransfer } from './incoming';

/** Our two edit kinds: the site's figure shortcode (preferred, see `configurationDefaults`) and plain Markdown. */
export const IMAGE_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'istio', 'image');
export const LINK_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'istio', 'link');

/** Files from the Explorer or the OS, and clipboard images. */
export const IMAGE_MIME_TYPES: readonly string[] = ['text/uri-list', 'files', 'image/*'];

/** Only Markdown files on disk; the providers answer only for pages under `content/<lang>/`. */
export const IMAGE_SELECTOR: vscode.DocumentSelector = { language: 'markdown', scheme: 'file' };

/**
 * Dropping or pasting images into a content page copies them into the page's folder and links them. Both edits carry
 * the same file copies; the user picks the text with the drop/paste widget.
 */
export class ImageDropPasteProvider implements vscode.DocumentDropEditProvider, vscode.DocumentPasteEditProvider {
  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit[] | undefined> {
    const insertion = await this.insertion(document, dataTransfer, token);
    if (!insertion) return undefined;
    return [
      dropEdit(insertion.shortcode, imageTitle(insertion), IMAGE_EDIT_KIND, insertion),
      dropEdit(insertion.markdown, markdownTitle(insertion), LINK_EDIT_KIND, insertion),
    ];
  }

  async provideDocumentPasteEdits(document: vscode.TextDocument, _ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    if (context.only && !context.only.intersects(IMAGE_EDIT_KIND) && !context.only.intersects(LINK_EDIT_KIND)) return undefined;
    const insertion = await this.insertion(document, dataTransfer, token);
    if (!insertion) return undefined;
    return [
      pasteEdit(insertion.shortcode, imageTitle(insertion), IMAGE_EDIT_KIND, insertion),
      pasteEdit(insertion.markdown, markdownTitle(insertion), LINK_EDIT_KIND, insertion),
    ];
  }

  private async insertion(document: vscode.TextDocument, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<ImageInsertion | undefined> {
    // Cheap test first: nothing is read for a file outside content/<lang>/.
    if (document.uri.scheme !== 'file' || !imageTarget(document.uri.path)) return undefined;
    const files = await filesOfDataTransfer(dataTransfer, token);
    if (files.length === 0 || token.isCancellationRequested) return undefined;
    return prepareInsertion(document.uri, files, token);
  }
}

function dropEdit(text: vscode.SnippetString, title: string, kind: vscode.DocumentDropOrPasteEditKind, insertion: ImageInsertion): vscode.DocumentDropEdit {
  const edit = new vscode.DocumentDropEdit(text, title, kind);
  edit.additionalEdit = insertion.edit;
  if (kind === LINK_EDIT_KIND) edit.yieldTo = [IMAGE_EDIT_KIND];
  return edit;
}

function pasteEdit(text: vscode.SnippetString, title: string, kind: vscode.DocumentDropOrPasteEditKind, insertion: ImageInsertion): vscode.DocumentPasteEdit {
  const edit = new vscode.DocumentPasteEdit(text, title, kind);
  edit.additionalEdit = insertion.edit;
  if (kind === LINK_EDIT_KIND) edit.yieldTo = [IMAGE_EDIT_KIND];
  return edit;
}

function imageTitle(insertion: ImageInsertion): string {
  return insertion.images.length === 1 ? vscode.l10n.t('Istio image shortcode') : vscode.l10n.t('Istio image shortcodes ({0})', insertion.images.length);
}

function markdownTitle(insertion: ImageInsertion): string {
  return insertion.images.length === 1 ? vscode.l10n.t('Markdown image, copied to the page folder') : vscode.l10n.t('Markdown images, copied to the page folder ({0})', insertion.images.length);
}

/** Registers the provider for drop and paste. */
export function registerDropPaste(provider: ImageDropPasteProvider): vscode.Disposable {
  const kinds = [IMAGE_EDIT_KIND, LINK_EDIT_KIND];
  return vscode.Disposable.from(
    vscode.languages.registerDocumentDropEditProvider(IMAGE_SELECTOR, provider, { providedDropEditKinds: kinds, dropMimeTypes: IMAGE_MIME_TYPES }),
    vscode.languages.registerDocumentPasteEditProvider(IMAGE_SELECTOR, provider, { providedPasteEditKinds: kinds, pasteMimeTypes: IMAGE_MIME_TYPES }),
  );
}
