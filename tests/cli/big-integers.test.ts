import { describe, expect, it } from "vitest";
import {
  isBigInteger,
  protectBigIntegers,
  stringifyWithBigIntegers,
} from "../../adapters/cli/big-integers.ts";
import { answerLine } from "../../adapters/cli/jsonl.ts";
import type { Responder } from "../../src/index.ts";

const roundTrip = (json: string) => stringifyWithBigIntegers(JSON.parse(protectBigIntegers(json)));

describe("integers past 2^53 in JSON lines", () => {
  it("come back with every digit, as numbers", () => {
    expect(roundTrip('{"id":12345678901234567890}')).toBe('{"id":12345678901234567890}');
    expect(roundTrip("[-98765432109876543210, 1, 2.5, 1e30]")).toBe(
      "[-98765432109876543210,1,2.5,1e+30]",
    );
  });

  it("leave strings, safe integers and decimals alone", () => {
    const json = '{"a":"12345678901234567890","b":"say \\"99999999999999999999\\"","c":42}';
    expect(roundTrip(json)).toBe(json);
    expect(roundTrip('{"x":1.12345678901234567890}')).toBe('{"x":1.1234567890123457}');
  });

  it("are numbers to the checks: a big number is not a question", () => {
    const parsed = JSON.parse(protectBigIntegers('{"q":12345678901234567890}')) as { q: unknown };
    expect(isBigInteger(parsed.q)).toBe(true);
    expect(isBigInteger("12345678901234567890")).toBe(false);
    const responder = {
      ask: () => {
        throw new Error("must not be asked");
      },
    } as unknown as Responder;
    const reply = answerLine(
      '{"id": 12345678901234567890, "question": 98765432109876543210}',
      responder,
    );
    expect(reply.status).toBe("error");
    expect(stringifyWithBigIntegers(reply)).toContain('"id":12345678901234567890');
  });
});
