import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_DATA_DIR,
  REPO_ROOT,
  UsageError,
  choiceFlag,
  dataPaths,
  flag,
  flags,
  numberFlag,
  parseArgs,
} from "../../adapters/shared/args.ts";

const spec = { values: ["seeds", "min-confidence", "split", "data"], booleans: ["json"] };

describe("parseArgs", () => {
  it("reads value flags (repeated ones in order), booleans and the other words", () => {
    const args = parseArgs(["--seeds", "a", "--json", "how?", "--seeds=b", "--", "--x"], spec);
    expect(flags(args, "seeds")).toEqual(["a", "b"]);
    expect(flag(args, "seeds")).toBe("b");
    expect(args.flags.get("json")).toBe(true);
    expect(args.rest).toEqual(["how?", "--x"]);
  });

  it.each([
    [["--seeds"], "--seeds needs a value"],
    [["--seeds", "--json"], "--seeds needs a value"],
    [["--seeds="], "--seeds needs a value"],
    [["--sedes", "x"], "unknown flag --sedes"],
  ])("%j is a usage error: %s", (argv, message) => {
    expect(() => parseArgs(argv, spec)).toThrow(UsageError);
    expect(() => parseArgs(argv, spec)).toThrow(message);
  });
});

describe("numberFlag and choiceFlag", () => {
  const range = { min: 0, max: 1 };
  it.each([
    ["abc", 'must be a number, got "abc"'],
    ["", "needs a value"],
    ["NaN", 'must be a number, got "NaN"'],
    ["1.5", "must be from 0 to 1, got 1.5"],
  ])("--min-confidence %j is refused (%s)", (raw, message) => {
    expect(() =>
      numberFlag(parseArgs([`--min-confidence=${raw}`], spec), "min-confidence", 0.5, range),
    ).toThrow(message);
  });

  it("takes a number in range, or the fallback when absent", () => {
    expect(
      numberFlag(parseArgs(["--min-confidence", "0.3"], spec), "min-confidence", 0.5, range),
    ).toBe(0.3);
    expect(numberFlag(parseArgs([], spec), "min-confidence", 0.5, range)).toBe(0.5);
  });

  it("refuses a choice outside the list, naming the choices", () => {
    expect(() =>
      choiceFlag(parseArgs(["--split", "half"], spec), "split", ["all", "tune", "check"], "all"),
    ).toThrow('--split must be one of all, tune, check, got "half"');
  });
});

describe("dataPaths", () => {
  it("defaults to the data set kept in the repository, not the working directory", () => {
    expect(REPO_ROOT).toBe(path.resolve(import.meta.dirname, "../.."));
    expect(DEFAULT_DATA_DIR).toBe(path.resolve(REPO_ROOT, "data/squad-dev-a"));
    expect(dataPaths(parseArgs([], spec)).seedsDir).toBe(path.join(DEFAULT_DATA_DIR, "seeds"));
  });

  it("--data names the folder; --seeds and --questions override its parts", () => {
    const { seedsDir, questionsFile } = dataPaths(
      parseArgs(["--data", "/d", "--seeds", "/s"], { values: ["data", "seeds"] }),
    );
    expect(seedsDir).toBe(path.resolve("/s"));
    expect(questionsFile).toBe(path.resolve("/d/questions.jsonl"));
  });
});
