/**
 * Rename, Find All References and file moves over LSP: F2 on a heading (`textDocument/prepareRename`,
 * `textDocument/rename`), Shift+F12 (`textDocument/references`), a page's folder or file renamed or moved in the
 * editor (`workspace/willRenameFiles`), and the Move Page command's plan (`istio/planMovePage`). The engine decides
 * everything; this module only turns URIs into paths and refusals into errors the editor shows.
 */
import { LSPErrorCodes, ResponseError, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IstioSettings, LanguageService } from '../engine';
import { PLAN_MOVE_PAGE_REQUEST, WILL_RENAME_FILTERS, type PlanMovePageParams, type PlanMovePageResult } from '../protocol';
import { pathToUri, uriToPath } from './node/uris';

/** What the server announces for these features in `initialize`. */
export const REFACTORING_CAPABILITIES: ServerCapabilities = {
  renameProvider: { prepareProvider: true },
  referencesProvider: true,
  workspace: { fileOperations: { willRename: { filters: WILL_RENAME_FILTERS.map((f) => ({ pattern: { ...f.pattern } })) } } },
};

export interface RefactoringHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: LanguageService;
  readonly settingsFor: (uri: string) => Promise<IstioSettings>;
}

export function registerRefactoring({ connection, documents, service, settingsFor }: RefactoringHost): void {
  /** The open document and its path and settings, or `undefined` (the request is then answered with nothing). */
  const open = async (uri: string): Promise<{ path: string; doc: TextDocument; settings: IstioSettings } | undefined> => {
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    const path = uriToPath(uri);
    return doc && path ? { path, doc, settings } : undefined;
  };

  connection.onPrepareRename(async (p) => {
    const o = await open(p.textDocument.uri);
    return (o && service.prepareRename(o.path, o.doc, p.position, o.settings)) ?? null;
  });

  connection.onRenameRequest(async (p) => {
    const o = await open(p.textDocument.uri);
    if (!o) return null;
    const answer = await service.rename(o.path, o.doc, p.position, p.newName, o.settings);
    if (answer && 'refused' in answer) throw new ResponseError(LSPErrorCodes.RequestFailed, answer.refused);
    return answer ?? null;
  });

  connection.onReferences(async (p) => {
    const o = await open(p.textDocument.uri);
    return o ? service.references(o.path, o.doc, p.position, p.context.includeDeclaration, o.settings) : [];
  });

  connection.workspace.onWillRenameFiles(async (p) => {
    const moves = p.files.flatMap((f) => {
      const from = uriToPath(f.oldUri);
      const to = uriToPath(f.newUri);
      return from && to ? [{ from, to }] : [];
    });
    return (await service.filesMoved(moves)) ?? null;
  });

  connection.onRequest(PLAN_MOVE_PAGE_REQUEST, async (p: PlanMovePageParams): Promise<PlanMovePageResult> => {
    const path = uriToPath(p.uri);
    if (!path) return { error: 'Only a file on disk can be moved.' };
    const plan = await service.planPageMove(path, p.url);
    if ('refused' in plan) return { error: plan.refused };
    return { renames: plan.moves.map((m) => ({ oldUri: pathToUri(m.from), newUri: pathToUri(m.to) })) };
  });
}
