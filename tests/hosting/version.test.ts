import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CITEBOT_VERSION } from "../../src/tools.ts";

describe("CITEBOT_VERSION", () => {
  it("equals package.json's version (it is part of the persisted index key)", () => {
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as {
      version?: unknown;
    };
    expect(typeof pkg.version).toBe("string");
    expect(CITEBOT_VERSION).toBe(pkg.version);
  });
});
