import type { Diagnostic } from 'vscode-languageserver-types';
import { hugoConfig, isLanguageFolderConfigured } from '../../site/hugoConfig';
import { diagnostic } from '../diagnostic';
import { inSite } from '../documentContext';
import type { DiagnosticRule } from '../feature';
import type { Fix } from '../quickFix';
import { addLanguageEdit, languageDisplayName, positionAt } from './languageEdit';

/**
 * A page of a language folder that Hugo does not read: no language of the configuration names `content/<lang>/` as
 * its `contentDir`, so the folder is ignored and none of its pages is published, without an error or a warning from
 * Hugo. Said only in a full checkout (a configuration at the site root) whose configuration parses and names its
 * languages: in an excerpt of `content/`, or a single-language site, nothing is known.
 */
export const languageConfiguredRule: DiagnosticRule = {
  name: 'language-configured',
  check(ctx): Diagnostic[] {
    if (!inSite(ctx) || ctx.location.kind === 'resource') return [];
    const config = hugoConfig(ctx.site);
    if (!config || config.broken || !config.languages) return [];
    const { lang } = ctx.location;
    if (isLanguageFolderConfigured(config, lang)) return [];
    const file = config.languagesFile;
    const root = ctx.site.layout.root === '/' ? '' : ctx.site.layout.root;
    const fileName = file ? file.path.slice(root.length + 1) : 'the configuration';
    const table = file?.format === 'toml' ? `[languages.${lang}]` : `languages.${lang}`;
    const keyed = config.languages.has(lang.toLowerCase());
    const message = keyed
      ? `Hugo ignores \`content/${lang}/\`: \`${table}\` in \`${fileName}\` does not name it as its contentDir, so this page is not published.`
      : `Hugo ignores \`content/${lang}/\`: \`${fileName}\` has no \`${table}\`, so this page is not published.`;
    const fixes: Fix[] = [];
    const r = keyed ? undefined : addLanguageEdit(config, lang, languageDisplayName(lang), false);
    if (r?.ok) {
      const text = r.edit.file.text;
      fixes.push({
        title: `Add ${table} to ${fileName}`,
        isPreferred: true,
        edits: r.edit.edits.map((e) => ({ file: r.edit.file.path, range: { start: positionAt(text, e.offset), end: positionAt(text, e.offset + e.length) }, newText: e.newText })),
      });
    }
    const at = ctx.parsed.frontmatter?.openRange ?? { start: 0, end: 0 };
    return [diagnostic(ctx, at, 'site.language-not-configured', message, { data: { lang, config: file?.path }, fixes })];
  },
};
