import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Answer, AnswerPhrase, Excerpt } from "../../src/index.ts";
import { fitEscaped, fitSegments } from "../../adapters/discord/markdown.ts";
import {
  HELP_TEXT,
  LIMITS,
  render,
  renderFailure,
  renderHelp,
  renderRateLimited,
  renderSources,
  type DiscordPayload,
} from "../../adapters/discord/render.ts";

function excerpt(text: string, overrides: Partial<Excerpt> = {}): Excerpt {
  return {
    text,
    doc: "guide/install.md",
    title: "Installing",
    paragraph: 2,
    line: 3,
    start: 14,
    end: 14 + text.length,
    score: 1,
    highlights: [],
    clippedStart: false,
    clippedEnd: false,
    ...overrides,
  };
}

function cited(excerpts: readonly Excerpt[], phrase?: AnswerPhrase): Answer {
  const [first, ...rest] = excerpts;
  if (!first) throw new Error("a cited answer needs an excerpt");
  return {
    kind: "cited",
    question: "q",
    excerpts: [first, ...rest],
    ...(phrase ? { phrase } : {}),
  };
}

/** Every limit Discord enforces on a message; an empty list means the API accepts it. */
function violations(p: DiscordPayload): string[] {
  const out: string[] = [];
  if (p.content.length > LIMITS.content) out.push(`content ${p.content.length}`);
  if (p.content === "" && p.embeds.length === 0) out.push("empty message");
  if (p.embeds.length > LIMITS.embeds) out.push("too many embeds");
  let total = 0;
  for (const e of p.embeds) {
    const d = e.description ?? "";
    if (d.length > LIMITS.description) out.push(`description ${d.length}`);
    if ((e.fields ?? []).length > LIMITS.fields) out.push("too many fields");
    total += d.length;
    for (const f of e.fields ?? []) {
      if (f.name.length > LIMITS.fieldName || f.name === "")
        out.push(`field name ${f.name.length}`);
      if (f.value.length > LIMITS.fieldValue || f.value === "")
        out.push(`field value ${f.value.length}`);
      total += f.name.length + f.value.length;
    }
  }
  if (total > LIMITS.total) out.push(`total ${total}`);
  return out;
}

const plain = { seedsBaseUrl: null };

describe("render: cited answers", () => {
  test("quotes the excerpt with terms in bold, the answer underlined, and numbered sources", () => {
    const text = "The rate limit is five questions a minute.";
    const p = render(
      cited([excerpt(text, { highlights: [{ start: 4, end: 8 }] })], {
        text: "five questions",
        start: 0,
        end: 0,
        span: { start: 18, end: 32 },
      }),
      plain,
    );
    expect(p.content).toBe("");
    expect(p.embeds[0]?.description).toBe(
      "> “The **rate** limit is __**five questions**__ a minute.” **[1]**",
    );
    expect(p.embeds[0]?.fields).toEqual([
      { name: "Source", value: "**[1]** Installing — guide/install.md:3" },
    ]);
    expect(p.allowedMentions).toEqual({ parse: [] });
  });

  test("links each source to its line when SEEDS_BASE_URL is set", () => {
    const p = render(
      cited([excerpt("One."), excerpt("Two (b).", { doc: "a (b).md", line: 9, title: "B" })]),
      {
        seedsBaseUrl: "https://github.com/o/r/blob/main/seeds",
      },
    );
    expect(p.embeds[0]?.fields?.[0]).toEqual({
      name: "Sources",
      value: [
        "**[1]** [Installing](https://github.com/o/r/blob/main/seeds/guide/install.md#L3) — guide/install.md:3",
        "**[2]** [B](https://github.com/o/r/blob/main/seeds/a%20%28b%29.md#L9) — a (b).md:9",
      ].join("\n"),
    });
    expect(p.embeds[0]?.description).toBe("> “One.” **[1]**\n> “Two (b).” **[2]**");
  });

  test("marks sentences the core clipped with ellipses", () => {
    const p = render(
      cited([excerpt("middle part", { clippedStart: true, clippedEnd: true })]),
      plain,
    );
    expect(p.embeds[0]?.description).toBe("> “…middle part…” **[1]**");
  });

  test.each([
    ["emphasis", "*a* _b_ ~~c~~ `d` ||e||", "\\*a\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\|"],
    ["a masked link", "[click](https://evil.example)", "\\[click\\](https://evil.example)"],
    [
      "a user mention",
      "hi <@123> and <@&45> in <#67>",
      "hi \\<@123\\> and \\<@&45\\> in \\<\\#67\\>",
    ],
    ["mass mentions", "@everyone and @here", "@\u200Beveryone and @\u200Bhere"],
    ["a heading and a quote on new lines", "# Title\n> quoted", "\\# Title \\> quoted"],
    ["a backslash", "C:\\path", "C:\\\\path"],
    ["bidi overrides and controls", "abc\u202Edef\u0000\u0007g", "abcdefg"],
    ["a lone surrogate", "x\uD800y", "x\uFFFDy"],
  ])("escapes %s in seed text", (_name, text, expected) => {
    // A plain-text seed: its characters are shown as written, so each one must be escaped.
    const fromText = excerpt(text, { doc: "guide/install.txt" });
    expect(render(cited([fromText]), plain).embeds[0]?.description).toBe(`> “${expected}” **[1]**`);
  });

  test("leaves Markdown markup of a .md seed out, and makes no link of it", () => {
    const md = excerpt("Run *this* via [the guide](https://evil.example) or `npm start`.");
    expect(render(cited([md]), plain).embeds[0]?.description).toBe(
      "> “Run this via the guide or npm start.” **[1]**",
    );
  });

  test("escapes a title that tries to close the link early", () => {
    const p = render(cited([excerpt("x", { title: "a](https://evil) [b" })]), {
      seedsBaseUrl: "https://x.test",
    });
    expect(p.embeds[0]?.fields?.[0]?.value).toBe(
      "**[1]** [a\\](https://evil) \\[b](https://x.test/guide/install.md#L3) — guide/install.md:3",
    );
  });
});

describe("render: limits at their boundaries", () => {
  // "> “" before the quote and "” **[1]**" after it.
  const overhead = 3 + 9;

  test.each([
    [LIMITS.description - overhead, false],
    [LIMITS.description - overhead + 1, true],
  ])("a %i-character excerpt is clipped: %s", (length, clipped) => {
    const text = "word ".repeat(length).slice(0, length);
    const d =
      render(cited([excerpt(text)]), { ...plain, maxExcerptChars: Infinity }).embeds[0]
        ?.description ?? "";
    expect(d.length).toBeLessThanOrEqual(LIMITS.description);
    expect(d.endsWith("…” **[1]**")).toBe(clipped);
    if (!clipped) expect(d.length).toBe(LIMITS.description);
  });

  test("the default keeps one long excerpt to 1,000 characters, cut at a word", () => {
    const d =
      render(cited([excerpt("lorem ipsum ".repeat(500))]), plain).embeds[0]?.description ?? "";
    expect(d.length).toBeLessThanOrEqual(1000 + overhead);
    expect(d).toMatch(/ipsum…” \*\*\[1\]\*\*$/);
  });

  test.each([
    ["aaaaaaaaaa", 10, "aaaaaaaaaa"],
    ["aaaaaaaaaaa", 10, "aaaaaaaaa…"],
    ["*****", 10, "\\*\\*\\*\\*\\*"],
    ["******", 10, "\\*\\*\\*\\*…"],
    ["alpha beta gamma", 14, "alpha beta…"],
  ])("fitEscaped(%j, %i) = %j", (text, max, expected) => {
    expect(fitEscaped(text, max)).toBe(expected);
  });

  test("clipping never leaves bold markers open", () => {
    const out = fitSegments(
      [
        { text: "start ", mark: "plain" },
        { text: "longterm", mark: "term" },
      ],
      12,
    );
    expect(out).toBe("start…");
    expect(
      fitSegments(
        [
          { text: "ab", mark: "term" },
          { text: " cd", mark: "plain" },
        ],
        7,
      ),
    ).toBe("**ab**…");
  });

  test("/sources lists what fits in 2,000 characters and counts the rest", () => {
    const docs = Array.from({ length: 500 }, (_, i) => ({
      doc: `doc-${i}.md`,
      title: `Title ${i}`,
      passages: 3,
    }));
    const p = renderSources(docs);
    expect(p.content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(p.content).toMatch(/^I know 500 documents:\n• Title 0 — doc-0\.md\n/);
    expect(p.content).toMatch(/\n…and \d+ more\.$/);
  });

  test("any answer fits every Discord limit and pings no one", () => {
    // Hostile fragments, repeated up to a few thousand characters, so long and nasty texts
    // are the rule rather than the rare exception.
    const fragment = fc.oneof(
      fc.constantFrom("@everyone", "@here", "<@123>", "<@&4>", "*", "_", "`", "~", "|", ">", "#"),
      fc.constantFrom(
        "[a](https://e.test)",
        "\n",
        "\\",
        "\u202E",
        "\uD800",
        "\u0000",
        "word ",
        "😀",
      ),
      fc.string({ unit: "binary", maxLength: 20 }),
    );
    const text = fc
      .tuple(fc.array(fragment, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 600 }))
      .map(([parts, times]) => parts.join("").repeat(times).slice(0, 8000));
    const arbitraryExcerpt = fc
      .record({ text, title: text, doc: text })
      .map(({ text, title, doc }) =>
        excerpt(text, {
          title,
          doc,
          highlights: [{ start: 0, end: Math.floor(text.length / 2) }],
          clippedEnd: true,
        }),
      );
    fc.assert(
      fc.property(
        fc.array(arbitraryExcerpt, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        (excerpts, linked) => {
          const p = render(cited(excerpts), { seedsBaseUrl: linked ? "https://x.test/(a)" : null });
          expect(violations(p)).toEqual([]);
          const all = JSON.stringify(p).replace(/\\\\</g, "");
          expect(all).not.toMatch(/<@|@everyone|@here/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("render: other replies", () => {
  test.each<[Answer, RegExp | string]>([
    [
      {
        kind: "not_found",
        question: "q",
        suggestions: { spelling: "rate *limit*", titles: ["FAQ", "@everyone"] },
      },
      /^I couldn't find that in the documents\. Did you mean “rate \\\*limit\\\*”\? Closest documents: “FAQ”, “@\u200Beveryone”\. Try other words/,
    ],
    [
      { kind: "not_found", question: "q", suggestions: { titles: [] } },
      /^I couldn't find that in the documents\. Try other words, or `\/sources`/,
    ],
    [{ kind: "help", question: "", reason: "empty" }, HELP_TEXT],
    [{ kind: "help", question: "help", reason: "help" }, /^I answer questions/],
    [{ kind: "help", question: "hi", reason: "greeting" }, /^Hello! I answer questions/],
    [{ kind: "help", question: "thanks", reason: "thanks" }, /^You're welcome!/],
  ])("%o", (answer, expected) => {
    const p = render(answer, plain);
    if (typeof expected === "string") expect(p.content).toBe(expected);
    else expect(p.content).toMatch(expected);
    expect(p.embeds).toEqual([]);
    expect(violations(p)).toEqual([]);
  });

  test.each([
    [renderRateLimited(1), "1 second"],
    [renderRateLimited(42_100), "43 seconds"],
    [renderFailure(), "something went wrong"],
    [renderHelp(), "/ask question:"],
    [renderSources([]), "no documents"],
  ])("%#: a short line that pings no one", (p, phrase) => {
    expect(p.content).toContain(phrase);
    expect(p.allowedMentions).toEqual({ parse: [] });
    expect(violations(p)).toEqual([]);
  });
});
