import * as vscode from 'vscode';
import { ImageDropPasteProvider, registerDropPaste } from './dropPaste';
import { INSERT_IMAGE_COMMAND, insertImage } from './insertImage';

let registered: ImageDropPasteProvider | undefined;

/** Registers image drop and paste for content pages and the Insert Image command. */
export function registerImages(context: vscode.ExtensionContext): void {
  registered = new ImageDropPasteProvider();
  context.subscriptions.push(
    registerDropPaste(registered),
    vscode.commands.registerCommand(INSERT_IMAGE_COMMAND, (uris?: readonly vscode.Uri[]) => insertImage(uris)),
  );
}

/**
 * For the extension-host tests: the registered drop/paste provider (VS Code has no command that runs drop or paste
 * providers). Read from dist/extension.js, the module VS Code loaded.
 */
export function imageProviderForTests(): ImageDropPasteProvider | undefined {
  return registered;
}

export { IMAGE_EDIT_KIND, LINK_EDIT_KIND } from './dropPaste';
export { INSERT_IMAGE_COMMAND } from './insertImage';
