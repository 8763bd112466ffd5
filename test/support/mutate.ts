import { Prng } from './prng';

/** Fragments that stress the parsers: delimiters, quotes, fences, escapes, odd Unicode and line ends. */
const TOKENS = [
  '{{<', '>}}', '{{%', '%}}', '{{< /', '{{</*', '*/>}}', '{<', '>}', '{{{<', '{{< image', '{{< text bash >}}', '{{< /text >}}',
  '{{< tab name="x" >}}', '{{< /tabset >}}', '{{< gloss="cni" >}}', '"', '`', '```', '~~~', '\\"', "'", '[', ']', '](', ')', '![',
  '](/docs/', '](../../../../../etc/passwd)', '<!--', '-->', '\n---\n', '---', '+++', '# ', '{#', '}', ': ', '- ', '[a, b', '&a ', '*a',
  '!!binary ', '\t', '\r\n', '\r', '\n', '\u0000', '\uFEFF', '\uD83D', '\uDE00', '😀', '中文', 'Ї', '\u2028', ' '.repeat(300), '{{'.repeat(50),
  '['.repeat(200), '`'.repeat(40),
];

/** A copy of `text` with a few random mutations: inserted fragments, deleted, duplicated or moved spans, truncation. */
export function mutate(text: string, rng: Prng): string {
  let t = text;
  const n = 1 + rng.int(6);
  for (let i = 0; i < n; i++) {
    const at = rng.int(t.length + 1);
    switch (rng.int(7)) {
      case 0:
      case 1:
        t = t.slice(0, at) + rng.pick(TOKENS) + t.slice(at);
        break;
      case 2: {
        const len = rng.int(200);
        t = t.slice(0, at) + t.slice(at + len);
        break;
      }
      case 3: {
        const len = rng.int(400);
        t = t.slice(0, at) + t.slice(at, at + len).repeat(1 + rng.int(3)) + t.slice(at);
        break;
      }
      case 4: {
        const len = rng.int(300);
        const piece = t.slice(at, at + len);
        const rest = t.slice(0, at) + t.slice(at + len);
        const to = rng.int(rest.length + 1);
        t = rest.slice(0, to) + piece + rest.slice(to);
        break;
      }
      case 5:
        t = t.slice(0, at);
        break;
      default: {
        // Flip one character into another of the delimiter set.
        const c = rng.pick(['{', '}', '<', '>', '%', '/', '*', '"', '\n', '-', '#', '[', ']', '(', ')', '`']);
        t = t.slice(0, at) + c + t.slice(at + 1);
      }
    }
  }
  return t;
}

/** Iterations of a fuzz test: small by default so `npm test` stays fast, larger with FUZZ_ITERATIONS. */
export function fuzzIterations(defaultCount: number): number {
  const n = Number(process.env.FUZZ_ITERATIONS);
  return Number.isInteger(n) && n > 0 ? n : defaultCount;
}

export function fuzzSeed(): number {
  const n = Number(process.env.FUZZ_SEED);
  return Number.isInteger(n) ? n : 20260621;
}
