// JSON numbers past 2^53 (Discord ids are 17–20 digits) lose their last digits in JSON.parse.
// The JSONL front end keeps them exactly: before parsing, each such integer outside a string
// becomes a marked string; when a reply is written, the marked string becomes the digits again.

/** Marks a protected integer; no JSON text from a person holds it (it starts with U+0000). */
const MARK = "\u0000citebot-integer:";
const MARKED_IN_JSON = /"\\u0000citebot-integer:(-?\d+)"/g;
/** A JSON number starting at `lastIndex`. */
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The JSON text with every integer that JSON.parse would round replaced by a marked string. */
export function protectBigIntegers(json: string): string {
  let out = "";
  let i = 0;
  let inString = false;
  while (i < json.length) {
    const c = json[i] ?? "";
    if (inString) {
      out += c;
      if (c === "\\") out += json[++i] ?? "";
      else if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') inString = true;
    if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(json)?.[0] ?? c;
      const unsafe = /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token));
      out += unsafe ? JSON.stringify(MARK + token) : token;
      i += token.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** JSON.stringify, with every protected integer written back as the digits it was given as. */
export function stringifyWithBigIntegers(value: unknown): string {
  return JSON.stringify(value).replace(MARKED_IN_JSON, "$1");
}

/** Whether a parsed value is a protected integer (a number to the checks of other fields). */
export function isBigInteger(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(MARK);
}
