import { cacheKey, type Caches } from '../../caches';
import type { ShortcodeInfo, ShortcodeParamInfo } from '../../catalog/shortcodeCatalog';

/**
 * Per catalog entry, its docs; in the service's caches. Weak: a site catalog rebuilt after a template change drops
 * its old entries, and their docs with them.
 */
const SHORTCODE_DOCS = cacheKey<WeakMap<ShortcodeInfo, string>>('shortcode docs');

/**
 * The Markdown shown for a shortcode in hover and completion: description, usage and parameters. Cached per entry
 * in `caches` (the service's): completion lists every shortcode's docs on each request.
 */
export function shortcodeDocs(info: ShortcodeInfo, caches: Caches): string {
  const cache = caches.get(SHORTCODE_DOCS, () => new WeakMap<ShortcodeInfo, string>());
  let docs = cache.get(info);
  if (docs === undefined) {
    docs = buildDocs(info);
    cache.set(info, docs);
  }
  return docs;
}

function buildDocs(info: ShortcodeInfo): string {
  const lines = [`**${info.name}**${originNote(info)}`, '', info.description, '', '```', usage(info), '```'];
  const params = info.params ?? [];
  if (params.length) {
    lines.push('', '| parameter | |', '|---|---|');
    for (const p of params) lines.push(`| ${paramHeading(p)} | ${p.description.replace(/\|/g, '\\|')} |`);
  }
  if (info.anyParams) lines.push('', 'Takes any parameters.');
  return lines.join('\n');
}

function originNote(info: ShortcodeInfo): string {
  if (info.status === 'deprecated') return ' (deprecated)';
  if (info.origin === 'hugo') return ' (Hugo built-in)';
  if (info.origin === 'template') return ' (from `layouts/shortcodes/`)';
  if (info.status === 'unused') return ' (not used in the site content)';
  return '';
}

/** `{{< text syntax >}}…{{< /text >}}`, with required parameters. */
export function usage(info: ShortcodeInfo): string {
  const parts = [info.name];
  for (const p of info.params ?? []) {
    if (!p.required) continue;
    parts.push(p.position !== undefined ? `<${p.name ?? p.label ?? 'value'}>` : `${p.name}="…"`);
  }
  const open = `{{< ${parts.join(' ')} >}}`;
  return info.inner ? `${open}…{{< /${info.name} >}}` : open;
}

export function paramHeading(p: ShortcodeParamInfo): string {
  const forms: string[] = [];
  if (p.position !== undefined) forms.push(`#${p.position + 1} ${p.name ?? p.label ?? ''}`.trim());
  if (p.name !== undefined && (p.position === undefined || forms.length === 0)) forms.push(`\`${p.name}\``);
  else if (p.name !== undefined) forms.push(`or \`${p.name}=\``);
  return forms.join(' ') + (p.required ? ' (required)' : '');
}

export function paramDocs(info: ShortcodeInfo, p: ShortcodeParamInfo): string {
  const values = p.values?.length ? `\n\nValues: ${p.values.map((v) => `\`${v}\``).join(', ')}` : '';
  return `**${info.name}** · ${paramHeading(p)}\n\n${p.description}${values}`;
}
