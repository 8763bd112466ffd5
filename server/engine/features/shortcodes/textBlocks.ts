import type { Diagnostic } from 'vscode-languageserver-types';
import { TEXT_SYNTAXES } from '../../catalog/shortcodeCatalog';
import { diagnostic } from '../diagnostic';
import { didYouMean, NEAR_NAMES } from '../didYouMean';
import type { DiagnosticRule } from '../feature';
import { appliesTo, textOutputSyntax, textSyntax } from './lookup';
import { replaceFix } from '../quickFix';

const KNOWN = new Set([...TEXT_SYNTAXES.common, ...TEXT_SYNTAXES.other].map((s) => s.toLowerCase()));

/**
 * `text` blocks as `text.html` wants them: a syntax (else the build fails), a bash block whose first line starts with
 * `$`, content indented by a multiple of 4 spaces, `outputis` only on a bash block (all also fail it); an unknown
 * syntax (the `bask` typo) only loses its highlighting, so that is a warning.
 */
export const textBlocksRule: DiagnosticRule = {
  name: 'text-blocks',
  check(ctx) {
    const out: Diagnostic[] = [];
    if (!appliesTo(ctx)) return out;
    const text = ctx.parsed.text;
    for (const node of ctx.parsed.tree.all) {
      const tag = node.open;
      if (tag.name !== 'text' || tag.unterminated) continue;
      const syntaxParam = textSyntax(tag);
      const syntax = syntaxParam?.value ?? '';
      const inner = node.close ? node.inner : undefined;
      const bodyStart = inner?.start ?? 0;
      const body = inner ? text.slice(inner.start, inner.end) : undefined;
      const firstLineAt = body === undefined ? -1 : firstContentLine(body);

      if (!syntaxParam || syntax === '') {
        const startsWithPrompt = body !== undefined && firstLineAt >= 0 && body.slice(firstLineAt).trimStart().startsWith('$');
        const at = ctx.range({ start: tag.nameRange.end, end: tag.nameRange.end });
        const choices = startsWithPrompt ? ['bash'] : ['plain', 'yaml', 'bash'];
        out.push(
          diagnostic(ctx, tag.nameRange, 'text.missing-syntax', 'This `text` block has no syntax (`bash`, `yaml`, `plain`, …): the build fails.', {
            fixes: choices.map((c, i) => replaceFix(`Add the syntax \`${c}\``, at, ` ${c}`, i === 0)),
          }),
        );
      } else if (!KNOWN.has(highlighting(syntax))) {
        const suggestions = didYouMean(syntax, TEXT_SYNTAXES.common, NEAR_NAMES);
        const range = ctx.range(syntaxParam.innerRange);
        out.push(
          diagnostic(ctx, syntaxParam.innerRange, 'text.unknown-syntax',
            `Unknown syntax \`${syntax}\`: the block is shown without highlighting.${suggestions.length ? ` Did you mean \`${suggestions[0]}\`?` : ''}`,
            { fixes: suggestions.map((s, i) => replaceFix(`Change to \`${s}\``, range, s, i === 0)) }),
        );
      }

      const outputis = textOutputSyntax(tag);
      if (outputis && syntaxParam && syntax !== 'bash') {
        out.push(
          diagnostic(ctx, outputis.nameRange ?? outputis.valueRange, 'text.outputis-not-bash',
            `\`outputis\` only applies to \`bash\` blocks (the output of the commands): on a \`${syntax}\` block the build fails ("Only text blocks with a bash syntax can use outputis").`),
        );
      }

      if (body === undefined || firstLineAt < 0) continue;
      const lineEnd = body.indexOf('\n', firstLineAt);
      const line = body.slice(firstLineAt, lineEnd < 0 ? body.length : lineEnd).replace(/\r$/, '');
      const indent = /^ */.exec(line)![0].length;
      const lineStart = bodyStart + firstLineAt;
      if (indent % 4 !== 0) {
        out.push(
          diagnostic(ctx, { start: lineStart, end: lineStart + indent }, 'text.bad-indentation',
            `This \`text\` block is indented by ${indent} spaces: indent it by a multiple of 4 (the indentation is stripped), or the build fails.`),
        );
      } else if (syntax === 'bash' && !line.trimStart().startsWith('$')) {
        out.push(
          diagnostic(ctx, { start: lineStart + indent, end: lineStart + line.trimEnd().length }, 'text.bash-without-prompt',
            'The first line of a `bash` block must start with `$` (commands start with `$`, output follows): the build fails. Use `plain` for other text.'),
        );
      }
    }
    return out;
  },
};

/** Offset in `body` of the first line with content (`text.html` trims leading newlines), or -1. */
function firstContentLine(body: string): number {
  let at = 0;
  while (at < body.length) {
    const end = body.indexOf('\n', at);
    const line = body.slice(at, end < 0 ? body.length : end);
    if (line.trim() !== '') return at;
    if (end < 0) break;
    at = end + 1;
  }
  return -1;
}

/**
 * The language that highlights a block: the first word of the syntax (`syntax="bash yaml"` on istio.io highlights as
 * bash), lower-cased.
 */
function highlighting(syntax: string): string {
  return (syntax.trim().split(/\s+/)[0] ?? '').toLowerCase();
}
