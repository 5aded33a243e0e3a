// Regenerates the lexical tables under src/search/data/ from their packages (devDependencies),
// so the committed files can be checked and rebuilt with one command: `npm run lexicon`.
import { writeFileSync } from "node:fs";
import { toFrequencyTable } from "./lexicon-frequency.ts";
import { toRelationTable } from "./lexicon-related.ts";

const DATA = new URL("../src/search/data/", import.meta.url);

function write(name: string, text: string): void {
  writeFileSync(new URL(name, DATA), text);
  console.log(`wrote src/search/data/${name} (${Buffer.byteLength(text)} bytes)`);
}

write("general-frequency.txt", toFrequencyTable());
write("related-stems.txt", toRelationTable());
