import type { Options } from 'markdown-it';
import { escapeHtml } from './html';

export interface TextMeta {
  /** As written: `bash`, `yaml`, `plain`… (`''` when missing). */
  readonly syntax: string;
  /** The syntax of a bash block's output lines (`{{< text bash json >}}`, `outputis=`). */
  readonly outputis: string;
  /** `@path@` becomes a link to the file in the repository (`expandlinks="false"` turns that off). */
  readonly expandlinks: boolean;
  readonly repo: string;
}

/** Syntaxes shown without highlighting. */
const PLAIN = new Set(['', 'plain', 'plaintext', 'text', 'txt']);

/**
 * The body of a `{{< text >}}` block: the rest of the opening tag's line and the closing tag's indentation removed,
 * and the common indentation stripped (blocks in lists and tabs are indented by multiples of 4).
 */
export function dedent(raw: string): string {
  const lines = raw.split('\n');
  lines.shift();
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  let indent = Infinity;
  for (const l of lines) {
    if (l.trim() === '') continue;
    const n = l.length - l.trimStart().length;
    indent = Math.min(indent, n);
  }
  if (indent === Infinity || indent === 0) return lines.join('\n');
  return lines.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
}

// An escaped example (`{{</*` x `*/>}}`) shows as `{{< x >}}`: the docs use it to show a shortcode literally.
export function unescapeShortcodes(text: string): string {
  return text.replace(/\{\{([<%])\/\*/g, '{{$1').replace(/\*\/([>%])\}\}/g, '$1}}');
}

function highlight(options: Options, code: string, syntax: string): string {
  if (PLAIN.has(syntax.toLowerCase()) || typeof options.highlight !== 'function') return escapeHtml(code);
  try {
    const out = options.highlight(code, syntax.toLowerCase(), '');
    // A highlighter that wraps its own <pre> (not VS Code's) is not used here: the block already has one.
    return out && !out.startsWith('<pre') ? out : escapeHtml(code);
  } catch {
    return escapeHtml(code);
  }
}

const HEREDOC = /<<-?\s*['"]?(\w+)['"]?/;

/** Splits a bash block into commands (`$ ` lines with their `\` continuations and here-documents) and output. */
export function bashParts(code: string): Array<{ readonly command: boolean; readonly text: string }> {
  const parts: Array<{ command: boolean; text: string }> = [];
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '$' || line.startsWith('$ ')) {
      const cmd = [line.slice(2)];
      while (/\\\s*$/.test(lines[i]!) && i + 1 < lines.length) cmd.push(lines[++i]!);
      // A here-document (`kubectl apply -f - <<EOF`) belongs to its command, up to the delimiter line.
      const heredoc = HEREDOC.exec(cmd.join('\n'));
      if (heredoc) {
        const end = heredoc[1]!;
        while (i + 1 < lines.length) {
          cmd.push(lines[++i]!);
          if (lines[i]!.trim() === end) break;
        }
      }
      parts.push({ command: true, text: cmd.join('\n') });
    } else {
      const last = parts[parts.length - 1];
      if (last && !last.command) last.text += `\n${line}`;
      else parts.push({ command: false, text: line });
    }
  }
  return parts;
}

/** The highlighted body of a text block: bash prompts as non-selectable spans, output in its own syntax. */
export function renderTextBody(meta: TextMeta, code: string, options: Options, linkBase: string): string {
  const text = unescapeShortcodes(code);
  let html: string;
  if (meta.syntax === 'bash') {
    html = bashParts(text)
      .map((p) =>
        p.command
          ? `<span class="istio-command"><span class="istio-prompt" aria-hidden="true">$ </span>${highlight(options, p.text, 'bash')}</span>`
          : `<span class="istio-output">${highlight(options, p.text, meta.outputis)}</span>`,
      )
      .join('\n');
  } else {
    html = highlight(options, text, meta.syntax);
  }
  if (meta.expandlinks) {
    // `@samples/httpbin/httpbin.yaml@` links to the file in the repository, as text.html does.
    html = html.replace(/@([\w.\-/]+)@/g, (_m, path: string) => `<a href="${escapeHtml(linkBase + path)}">${path}</a>`);
  }
  return html;
}
