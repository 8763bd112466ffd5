import type { FileSystem } from '../../server/engine';

/** A file system that counts the texts read and the stats made through it (of the paths `counted` picks). */
export function countingFs(inner: FileSystem, counted: (path: string) => boolean = () => true): { fs: FileSystem; reads: () => number; stats: () => number } {
  let reads = 0;
  let stats = 0;
  const fs: FileSystem = {
    readText: (p) => {
      if (counted(p)) reads++;
      return inner.readText(p);
    },
    stat: (p) => {
      if (counted(p)) stats++;
      return inner.stat(p);
    },
    readDir: (p) => inner.readDir(p),
    ...(inner.realPath ? { realPath: (p: string) => inner.realPath!(p) } : {}),
  };
  return { fs, reads: () => reads, stats: () => stats };
}
