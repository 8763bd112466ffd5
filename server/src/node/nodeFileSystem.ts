import * as fs from 'node:fs';
import { DiskFileSystem } from '../../engine';

/** The real disk: the engine's disk file system over `node:fs`. */
export class NodeFileSystem extends DiskFileSystem {
  constructor() {
    super(fs);
  }
}
