import type { DirEntry, FileStat, FileSystem } from '../../engine';
/** The real disk. Errors (missing file, permission denied, a file deleted mid-scan) read as "not there". */
export declare class NodeFileSystem implements FileSystem {
    readText(path: string): string | undefined;
    stat(path: string): FileStat | undefined;
    realPath(path: string): string | undefined;
    readDir(path: string): readonly DirEntry[] | undefined;
}
