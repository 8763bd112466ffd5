import type { CodeActionProvider, CompletionProvider, DefinitionProvider, DiagnosticRule, DocumentLinkProvider, HoverProvider } from './feature';
import { frontmatterCodeActions } from './frontmatter/codeActions';
import { frontmatterCompletion } from './frontmatter/completion';
import { frontmatterHover } from './frontmatter/hover';
import { frontmatterSchemaRule } from './frontmatter/schemaDiagnostics';
import { frontmatterSiteRule } from './frontmatter/siteRules';
import { frontmatterSyntaxRule } from './syntax/frontmatterSyntax';
import { shortcodeSyntaxRule } from './syntax/shortcodeSyntax';
import { translationDriftRule } from './translations/translationDrift';
import { translationDriftFixes } from './translations/translationDriftFixes';

/**
 * The features the engine runs, one module each. A new feature is a new module and one line here;
 * the LSP server, the CLI and the tests all go through this list.
 */
export const diagnosticRules: readonly DiagnosticRule[] = [
  frontmatterSyntaxRule,
  shortcodeSyntaxRule,
  frontmatterSchemaRule(),
  frontmatterSiteRule,
  translationDriftRule,
];
export const completionProviders: readonly CompletionProvider[] = [
  frontmatterCompletion(),
];
export const hoverProviders: readonly HoverProvider[] = [
  frontmatterHover,
];
export const definitionProviders: readonly DefinitionProvider[] = [
];
export const codeActionProviders: readonly CodeActionProvider[] = [
  frontmatterCodeActions,
  translationDriftFixes,
];
export const documentLinkProviders: readonly DocumentLinkProvider[] = [];
