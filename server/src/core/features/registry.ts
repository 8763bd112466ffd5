import type { CodeActionProvider, CompletionProvider, DefinitionProvider, DiagnosticRule, DocumentLinkProvider, HoverProvider } from './feature';
import { linkActionsProvider } from './links/linkActions';
import { linkCompletionProvider } from './links/linkCompletion';
import { linkDocumentLinksProvider } from './links/linkDocumentLinks';
import { linkHoverProvider } from './links/linkHover';
import { linkDiagnosticsRule } from './links/linkDiagnostics';
import { frontmatterSyntaxRule } from './syntax/frontmatterSyntax';
import { shortcodeSyntaxRule } from './syntax/shortcodeSyntax';
import { translationDriftRule } from './translations/translationDrift';
import { translationDriftFixes } from './translations/translationDriftFixes';

/**
 * The features the engine runs, one module each. A new feature is a new module and one line here;
 * the LSP server, the CLI and the tests all go through this list.
 */
export const diagnosticRules: readonly DiagnosticRule[] = [frontmatterSyntaxRule, shortcodeSyntaxRule, translationDriftRule, linkDiagnosticsRule];
export const completionProviders: readonly CompletionProvider[] = [linkCompletionProvider];
export const hoverProviders: readonly HoverProvider[] = [linkHoverProvider];
export const definitionProviders: readonly DefinitionProvider[] = [];
export const codeActionProviders: readonly CodeActionProvider[] = [translationDriftFixes, linkActionsProvider];
export const documentLinkProviders: readonly DocumentLinkProvider[] = [linkDocumentLinksProvider];
