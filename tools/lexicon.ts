// Regenerates the lexical tables under src/search/data/ from their packages (devDependencies),
// so the committed files can be checked and rebuilt with one command: `npm run lexicon`.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "../adapters/shared/args.ts";
import { toFrequencyTable } from "./lexicon-frequency.ts";
import { toRelationTable } from "./lexicon-related.ts";

// The committed tables in the repository, also when this runs compiled from dist/.
const DATA = pathToFileURL(path.join(REPO_ROOT, "src/search/data") + path.sep);

function write(name: string, text: string): void {
  writeFileSync(new URL(name, DATA), text);
  console.log(`wrote src/search/data/${name} (${Buffer.byteLength(text)} bytes)`);
}

write("general-frequency.txt", toFrequencyTable());
write("related-stems.txt", toRelationTable());
