// The persisted index's container (layout in index-file-layout.ts): written by
// index-file-write.ts, read by index-file-read.ts; importers take both from here.
export {
  CacheTooLargeError,
  toChunk,
  writeIndexFile,
  type SectionData,
} from "./index-file-write.ts";
export { BadIndexFileError, readIndexFile, type IndexFile } from "./index-file-read.ts";
