/** Parsed command-line flags: `--name value`, `--flag`, and the remaining words. */
export interface Args {
  flags: Map<string, string | true>;
  rest: string[];
}

/** Splits argv into flags and words; `booleans` names flags that take no value. */
export function parseArgs(argv: readonly string[], booleans: readonly string[] = []): Args {
  const flags = new Map<string, string | true>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--") {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("--")) {
      rest.push(a);
      continue;
    }
    const [name = "", inline] = a.slice(2).split(/=(.*)/s);
    if (inline !== undefined) flags.set(name, inline);
    else if (booleans.includes(name)) flags.set(name, true);
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
      flags.set(name, value);
      i++;
    }
  }
  return { flags, rest };
}

/** A string flag, or the fallback. */
export function flag(args: Args, name: string, fallback?: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : fallback;
}
