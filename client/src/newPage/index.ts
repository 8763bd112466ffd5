import * as vscode from 'vscode';
import { Commands } from '../../../server/protocol';
import { newPage, type NewPageArgs } from './newPage';

/** Registers New Blog Post and New Docs Page (they need no language server: registered even while dormant). */
export function registerNewPage(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newBlogPost, (arg?: vscode.Uri | NewPageArgs) => newPage('blog', arg)),
    vscode.commands.registerCommand(Commands.newDocsPage, (arg?: vscode.Uri | NewPageArgs) => newPage('docs', arg)),
  );
}
