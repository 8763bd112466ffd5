import { MarkupKind } from 'vscode-languageserver-types';
import type { HoverProvider } from '../feature';
import { pageSchema } from './pageFrontmatter';
import { describeExpected, stringProp } from './schemaModel';
import { recommendedKeys, requiredKeys } from './schemaStore';

/** Hover on a frontmatter key: what it is for, the value it takes, and whether this kind of page needs it. */
export const frontmatterHover: HoverProvider = {
  name: 'frontmatter-hover',
  hover(ctx, _position, offset) {
    const fm = ctx.parsed.frontmatter;
    const location = ctx.location;
    if (!fm || !location || location.kind === 'resource') return undefined;
    if (offset < fm.contentRange.start || offset > fm.contentRange.end) return undefined;
    const entry = fm.entries.find((e) => offset >= e.keyRange.start && offset <= e.keyRange.end);
    if (!entry) return undefined;
    const schema = pageSchema(ctx, location);
    const key = entry.key.toLowerCase();
    const field = schema.fields.field(key);
    if (!field) return undefined;
    const need = requiredKeys(schema.schema).includes(key) ? 'required' : recommendedKeys(schema.schema).includes(key) ? 'expected' : 'optional';
    const lines = [`**\`${field.key}\`** · ${need} in a ${schema.label}`, '', `*Value:* ${describeExpected(field.schema)}`];
    const description = stringProp(field.schema, 'description');
    if (description) lines.push('', description);
    return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: ctx.range(entry.keyRange) };
  },
};
