import { countBelow } from '../../parser/textScan';

/**
 * The 0-based line of offsets in `text` (the `\n`s before each): the line breaks are found once, and each offset by
 * binary search. Counting the breaks from the start for each link made a page of links to its last heading quadratic.
 */
export function lineFinder(text: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => countBelow(breaks, offset);
}
