import * as vscode from 'vscode';

/**
 * Opens a page in an editor as the Explorer does, so that closing the editor closes the document.
 *
 * `window.showTextDocument(uri)` first opens the document on the extension's behalf (`workspace.openTextDocument`),
 * and VS Code keeps a document an extension opened for up to three minutes after its last editor closes
 * (`MainThreadDocuments`' `BoundModelReferenceCollection`: 3 minutes, 50 documents or 80 MB). Until then the language
 * client sends no `didClose`, so a page opened by Go to Translation or Create Translation kept its problems listed
 * after its tab was closed. The `vscode.open` command opens it through the editor service, which ties the document to
 * the editor.
 */
export async function openPage(uri: vscode.Uri, beside = false): Promise<void> {
  await vscode.commands.executeCommand('vscode.open', uri, beside ? { viewColumn: vscode.ViewColumn.Beside } : {});
}
