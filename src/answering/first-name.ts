/**
 * "What is Cobham's first name?" asks for the name written just before the surname; a sentence
 * that names Cobham only as "the Cobham–Edmonds thesis" or "Governor Jennings" does not answer it.
 */

/** Titles that stand before a surname without being a first name. */
const TITLES =
  /^(?:governor|mayor|president|king|queen|prince|princess|general|colonel|captain|admiral|dr|mr|mrs|ms|sir|lord|lady|professor|prof|senator|judge|justice|saint|st|pope|bishop|father|brother|sister|the|a|an)$/i;

/** The surname a "first name" question asks about ("what was pontanus's first name" → "pontanus"), or null. */
export function askedSurname(question: string): string | null {
  // Most questions never say "name": skip the Unicode-aware patterns, whose first use alone
  // compiles for ~10 ms (a restart's first answer).
  if (!/name/i.test(question)) return null;
  const m =
    /\b([\p{L}.-]+?)(?:'s|’s|')\s+(?:first|given|christian)\s+name\b/iu.exec(question) ??
    /\b(?:first|given|christian)\s+name\s+of\s+(?:\p{L}+\s+)*?([\p{L}.-]+)\s*\??$/iu.exec(question);
  return m?.[1]?.toLowerCase() ?? null;
}

/** Whether the sentence writes a capitalised word, not a title, just before the surname. */
export function holdsFirstName(sentence: string, surname: string): boolean {
  const escaped = surname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(\\p{Lu}[\\p{L}.'-]*)\\s+(?:\\p{Lu}\\.\\s+)*${escaped}\\b`, "giu");
  for (const m of sentence.matchAll(re)) if (!TITLES.test(m[1] ?? "")) return true;
  return false;
}
