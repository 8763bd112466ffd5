import * as vscode from 'vscode';
import { isContentPage, typedKeyStart } from './keyStart';

/** Opens the list of frontmatter keys when the first letter of a key is typed in a content page (see keyStart.ts). */
export function registerKeySuggest(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.onDidChangeTextDocument((e) => {
      const editor = vscode.window.activeTextEditor;
      // Typing only: not an undo or redo, not another editor's document, not a paste of several changes.
      if (!editor || editor.document !== e.document || e.reason !== undefined || e.contentChanges.length !== 1) return;
      const doc = e.document;
      if (doc.languageId !== 'markdown' || doc.uri.scheme !== 'file' || !isContentPage(doc.uri.path)) return;
      const c = e.contentChanges[0]!;
      const change = { line: c.range.start.line, character: c.range.start.character, text: c.text, rangeLength: c.rangeLength };
      if (typedKeyStart((n) => (n < doc.lineCount ? doc.lineAt(n).text : undefined), change)) {
        void vscode.commands.executeCommand('editor.action.triggerSuggest');
      }
    }),
  );
}
