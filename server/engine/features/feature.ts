import type { CodeAction, CompletionItem, Definition, Diagnostic, DocumentLink, Hover, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ShortcodeCatalog } from '../catalog/shortcodeCatalog';
import type { SiteIndex } from '../site/siteIndex';
import type { SliceOptions } from '../site/slices';
import type { DiagnosticFamily } from '../diagnostics/catalog';
import type { DocumentContext } from './documentContext';

/** One family of checks. Each rule lives in its own module under `features/`. */
export interface DiagnosticRule {
  readonly name: string;
  /**
   * The catalog families of every code the rule reports, when it reports no other: a user who turns them all `off`
   * (`istio.diagnostics.severity`, the CLI's `--skip`) does not pay for the rule (spelling and mdl are most of a
   * check's time). Without it the rule always runs.
   */
  readonly families?: readonly DiagnosticFamily[];
  check(ctx: DocumentContext): Diagnostic[];
}

export interface CompletionProvider {
  readonly name: string;
  /** Items for this position, or `undefined` when the position is not this provider's business. */
  complete(ctx: DocumentContext, position: Position, offset: number): CompletionItem[] | undefined;
  /**
   * Counts what the items are ranked by across the site (`LanguageService.prepareSiteWide`, in the background once
   * the site is indexed), so that the first completion after the index does not count the whole site; later changes
   * are counted by the completion itself, page by page.
   */
  prepare?(site: SiteIndex): void;
}

export interface HoverProvider {
  readonly name: string;
  hover(ctx: DocumentContext, position: Position, offset: number): Hover | undefined;
}

export interface DefinitionProvider {
  readonly name: string;
  definition(ctx: DocumentContext, position: Position, offset: number): Definition | undefined;
}

/** What a code-action request asks beyond its range and diagnostics. */
export interface CodeActionRequest {
  /** The kinds asked for (LSP `context.only`); without it, quick fixes. */
  readonly only?: readonly string[];
  /** Every diagnostic of the document, for a `source.fixAll` action (computed only when called). */
  readonly documentDiagnostics: () => readonly Diagnostic[];
}

export interface CodeActionProvider {
  readonly name: string;
  /** Fixes for the given diagnostics (each carries what the fix needs in `data`). */
  actions(ctx: DocumentContext, range: Range, diagnostics: readonly Diagnostic[], request?: CodeActionRequest): CodeAction[];
}

export interface DocumentLinkProvider {
  readonly name: string;
  links(ctx: DocumentContext): DocumentLink[];
}

/**
 * Rename, references and file moves answer with file paths; the service turns them into URIs (`pathToUri`) as it
 * does for the rest of its answers.
 */
export type PathEdits = ReadonlyMap<string, readonly TextEdit[]>;

export interface PathLocation {
  readonly path: string;
  readonly range: Range;
}

/** What a rename may not do, said to the user (the server answers the request with this message as an error). */
export interface RenameRefusal {
  readonly refused: string;
}

/**
 * What a site-wide provider needs before it answers: the site's reverse link index complete, read in slices that
 * `pause` between (so the server answers other requests meanwhile).
 */
export interface SiteWork extends SliceOptions {
  readonly site: SiteIndex;
  readonly catalog: ShortcodeCatalog;
  readonly pause: () => Promise<void>;
}

export interface RenameProvider {
  readonly name: string;
  /** Makes whatever the provider reads across the site current (called before `prepare` and `rename`). */
  ready(work: SiteWork): Promise<void>;
  /** The span F2 edits and its current text, or `undefined` when the position is not this provider's business. */
  prepare(ctx: DocumentContext, offset: number): { readonly range: Range; readonly placeholder: string } | undefined;
  rename(ctx: DocumentContext, offset: number, newName: string): PathEdits | RenameRefusal | undefined;
}

export interface ReferenceProvider {
  readonly name: string;
  ready(work: SiteWork): Promise<void>;
  references(ctx: DocumentContext, offset: number, includeDeclaration: boolean): PathLocation[] | undefined;
}

/** A file or folder about to move, inside one site (`workspace/willRenameFiles`). */
export interface FileMove {
  readonly from: string;
  readonly to: string;
}

export interface FileMoveProvider {
  readonly name: string;
  ready(work: SiteWork): Promise<void>;
  /** The edits that keep the site working once the files have moved (made against the files where they are now). */
  moved(work: SiteWork, moves: readonly FileMove[]): PathEdits;
}
