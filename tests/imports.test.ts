import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const FOLDERS = ["src", "adapters", "tools"];

/**
 * Files a circle may still pass through, each one a known circle to be removed. None are left:
 * the answering ↔ model circle went when the learned models were injected instead of imported.
 */
const KNOWN_CIRCLES_THROUGH: readonly string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

// Static imports and re-exports, type-only ones included: a type circle is a circle too.
const SPECIFIER =
  /^\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;

/** file → the repository files it imports (relative specifiers only). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap(sourceFiles)) {
    const text = readFileSync(path.join(ROOT, file), "utf8");
    const targets = [...text.matchAll(SPECIFIER)]
      .map((m) => m[1] ?? m[2] ?? "")
      .filter((s) => s.startsWith("."))
      .map((s) => path.posix.normalize(path.posix.join(path.posix.dirname(file), s)));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every circle, as its files in import order starting from the smallest name. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") {
        const loop = stack.slice(stack.indexOf(next));
        const first = loop.indexOf([...loop].sort()[0] ?? "");
        const turned = [...loop.slice(first), ...loop.slice(0, first)];
        found.add([...turned, turned[0]].join(" → "));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...found].sort();
}

describe("imports", () => {
  const graph = importGraph();

  it("resolve to files that exist (the graph below is complete)", () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => !graph.has(t)).map((t) => `${file} → ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it("form no circle in src/, adapters/ or tools/", () => {
    const known = (circle: string) => KNOWN_CIRCLES_THROUGH.some((f) => circle.includes(f));
    expect(circles(graph).filter((c) => !known(c))).toEqual([]);
  });

  it("the check finds a circle when there is one", () => {
    const loop = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
    ]);
    expect(circles(loop)).toEqual(["a.ts → b.ts → c.ts → a.ts"]);
  });
});
