import * as vscode from 'vscode';
import { Commands } from '../../../server/protocol';
import type { ClientSource } from '../translations/requests';
import { checkWholeSite } from './checkWholeSite';
import { movePage } from './movePage';

/** Move Page's arguments from a keybinding or a test (the explorer passes the file's URI instead). */
export interface MovePageArgs {
  readonly uri?: string;
  /** The new URL: no input box is shown. */
  readonly url?: string;
}

/** The site-wide commands: Move Page… and Check Whole Site (registered at once, answering with a hint while dormant). */
export function registerSiteCommands(context: vscode.ExtensionContext, client: ClientSource): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.movePage, (arg?: vscode.Uri | MovePageArgs) => {
      if (arg instanceof vscode.Uri || arg === undefined) return movePage(client, arg);
      return movePage(client, arg.uri ? vscode.Uri.parse(arg.uri) : undefined, arg.url);
    }),
    vscode.commands.registerCommand(Commands.checkWholeSite, () => checkWholeSite(client)),
  );
}
