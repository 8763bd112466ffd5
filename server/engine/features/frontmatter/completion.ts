import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver-types';
import type { DocumentContext } from '../documentContext';
import type { CompletionProvider } from '../feature';
import { cursorIn, writtenKeys, type FrontmatterCursor } from './cursor';
import { siteKeywords } from './keywordTally';
import { pageSchema } from './pageFrontmatter';
import { isoDate } from './placeholders';
import { describeExpected, fieldEnum, fieldTypes, stringProp, type FieldInfo } from './schemaModel';
import { recommendedKeys, requiredKeys, type PageSchema } from './schemaStore';

/** How many site keywords a completion list offers at most (the site has several hundred). */
const MAX_KEYWORDS = 200;

/**
 * Completion inside the frontmatter: the keys not yet written (required and expected ones first), the values of
 * enumerated keys, today's date for dates, and for `keywords` the keywords already used across the site.
 */
export function frontmatterCompletion(now: () => Date = () => new Date()): CompletionProvider {
  return {
    name: 'frontmatter-completion',
    // `keywords:` values are the site's keywords, most used first: counted over every page's summary.
    prepare(site) {
      siteKeywords(site);
    },
    complete(ctx, _position, offset) {
      const fm = ctx.parsed.frontmatter;
      const location = ctx.location;
      if (!fm || !location || location.kind === 'resource') return undefined;
      const cursor = cursorIn(ctx.parsed.text, fm, offset);
      if (!cursor) return undefined;
      const schema = pageSchema(ctx, location);
      if (cursor.kind === 'key') return keyItems(ctx, cursor, schema, writtenKeys(ctx.parsed.text, fm));
      const field = schema.fields.field(cursor.key.toLowerCase());
      if (!field) return undefined;
      return valueItems(ctx, cursor, field, now());
    },
  };
}

function keyItems(
  ctx: DocumentContext,
  cursor: Extract<FrontmatterCursor, { kind: 'key' }>,
  page: PageSchema,
  present: ReadonlySet<string>,
): CompletionItem[] {
  const { schema, label } = page;
  const typed = ctx.parsed.text.slice(cursor.start, cursor.end).toLowerCase();
  const required = new Set(requiredKeys(schema));
  const recommended = new Set(recommendedKeys(schema));
  const range = ctx.range({ start: cursor.start, end: cursor.end });
  return page.fields
    .all()
    .filter((f) => !present.has(f.key) || f.key === typed)
    .map((f) => {
      const rank = required.has(f.key) ? 0 : recommended.has(f.key) ? 1 : 2;
      const newText = cursor.hasColon ? f.key : `${f.key}: `;
      return {
        label: f.key,
        kind: CompletionItemKind.Property,
        detail: `${rank === 0 ? 'required' : rank === 1 ? 'expected' : 'optional'} · ${describeExpected(f.schema)} · ${label}`,
        documentation: documentation(f),
        sortText: `${rank}${f.key}`,
        textEdit: { range, newText },
        insertTextFormat: InsertTextFormat.PlainText,
      };
    });
}

function valueItems(ctx: DocumentContext, cursor: Exclude<FrontmatterCursor, { kind: 'key' }>, field: FieldInfo, now: Date): CompletionItem[] {
  const s = field.schema;
  const completion = stringProp(s, 'x-completion');
  if (completion === 'site-keywords') return keywordItems(ctx, cursor);
  if (cursor.kind === 'item') return [];
  const range = ctx.range({ start: cursor.start, end: cursor.end });
  const items: CompletionItem[] = [];
  if (completion === 'today') {
    const today = isoDate(now);
    items.push({ label: today, kind: CompletionItemKind.Value, detail: 'today', textEdit: { range, newText: today }, sortText: '0' });
  }
  const values = fieldEnum(s).filter((v): v is string => typeof v === 'string');
  for (const v of values) items.push({ label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v }, sortText: `1${v}` });
  if (values.length === 0 && fieldTypes(s).includes('boolean')) {
    for (const v of ['true', 'false']) items.push({ label: v, kind: CompletionItemKind.Value, textEdit: { range, newText: v }, sortText: `1${v}` });
  }
  return items;
}

/** Site keywords, most used first, leaving out those the list already has. */
function keywordItems(ctx: DocumentContext, cursor: Exclude<FrontmatterCursor, { kind: 'key' }>): CompletionItem[] {
  const site = ctx.site;
  if (!site) return [];
  let start = cursor.start;
  let end = cursor.end;
  let wrap = false;
  const used = new Set<string>();
  if (cursor.kind === 'value') {
    const value = cursor.text;
    if (value.startsWith('[')) {
      // Flow list: complete the item under the cursor, between its commas.
      const offsetInValue = cursor.before.length;
      // Before the `[` or past the `]`, a keyword would land outside the list (or replace the `]`).
      const close = value.indexOf(']');
      if (offsetInValue === 0 || (close >= 0 && offsetInValue > close)) return [];
      const itemStart = Math.max(value.lastIndexOf(',', offsetInValue - 1), value.lastIndexOf('[', offsetInValue - 1)) + 1;
      let itemEnd = value.slice(offsetInValue).search(/[,\]]/);
      itemEnd = itemEnd < 0 ? value.length : offsetInValue + itemEnd;
      let s = itemStart;
      while (s < offsetInValue && value[s] === ' ') s++;
      start = cursor.start + s;
      end = cursor.start + itemEnd;
      for (const k of value.replace(/^\[|\]$/g, '').split(',')) used.add(k.trim());
      used.delete(value.slice(s, itemEnd).trim());
    } else {
      // No list yet: the keyword goes into a new flow list, as the site writes them.
      wrap = true;
    }
  }
  const range = ctx.range({ start, end: Math.max(end, start) });
  const ranked = siteKeywords(site).filter((k) => !used.has(k.name));
  return ranked.slice(0, MAX_KEYWORDS).map((k, i) => ({
    label: k.name,
    kind: CompletionItemKind.Value,
    detail: `used by ${k.count} page${k.count === 1 ? '' : 's'}`,
    sortText: String(i).padStart(4, '0'),
    filterText: k.name,
    textEdit: { range, newText: wrap ? `[${k.name}]` : k.name },
  }));
}

function documentation(f: FieldInfo): { kind: typeof MarkupKind.Markdown; value: string } | undefined {
  const d = stringProp(f.schema, 'description');
  return d ? { kind: MarkupKind.Markdown, value: d } : undefined;
}
