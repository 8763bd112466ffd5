import type { CodeAction, CompletionItem, Definition, Diagnostic, DocumentLink, Hover, Position, Range } from 'vscode-languageserver-types';
import type { DocumentContext } from './documentContext';

/** One family of checks. Each rule lives in its own module under `features/`. */
export interface DiagnosticRule {
  readonly name: string;
  check(ctx: DocumentContext): Diagnostic[];
}

export interface CompletionProvider {
  readonly name: string;
  /** Items for this position, or `undefined` when the position is not this provider's business. */
  complete(ctx: DocumentContext, position: Position, offset: number): CompletionItem[] | undefined;
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
