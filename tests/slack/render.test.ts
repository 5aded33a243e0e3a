import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Excerpt } from "../../src/index.ts";
import {
  BLOCKS_MAX,
  MORE_ACTION,
  SECTION_MAX,
  SHARE_ACTION,
  render,
  type SlackMessage,
} from "../../adapters/slack/render.ts";

function excerpt(text: string, extra: Partial<Excerpt> = {}): Excerpt {
  return {
    text,
    doc: "guide/setup.md",
    title: "Setup",
    paragraph: 1,
    line: 12,
    start: 0,
    end: text.length,
    score: 1,
    highlights: [],
    clippedStart: false,
    clippedEnd: false,
    ...extra,
  };
}
function answer(excerpts: readonly Excerpt[], question = "q"): Answer {
  const [first, ...rest] = excerpts;
  if (!first) throw new Error("a cited answer needs an excerpt");
  return { kind: "cited", question, excerpts: [first, ...rest] };
}
const opts = { seedsBaseUrl: null };
const texts = (m: SlackMessage) =>
  m.blocks.flatMap((b) =>
    b.type === "section"
      ? [b.text.text]
      : b.type === "context"
        ? b.elements.map((e) => e.text)
        : [],
  );
const sections = (m: SlackMessage) =>
  m.blocks.flatMap((b) => (b.type === "section" ? [b.text.text] : []));

describe("render: cited answers", () => {
  it("puts each excerpt in a section with [n], terms in bold, and sources in a context block", () => {
    const m = render(
      answer([
        excerpt("Reset the router first.", { highlights: [{ start: 10, end: 16 }] }),
        excerpt("Then wait."),
      ]),
      opts,
    );
    expect(sections(m)).toEqual([
      "*[1]* Reset the \u200b*router*\u200b first.",
      "*[2]* Then wait.",
    ]);
    expect(m.blocks.at(-1)).toEqual({
      type: "context",
      elements: [
        { type: "mrkdwn", text: "[1] *Setup* · guide/setup.md:12" },
        { type: "mrkdwn", text: "[2] *Setup* · guide/setup.md:12" },
      ],
    });
    expect(m).toMatchObject({
      text: "Reset the router first.",
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it("links sources when SEEDS_BASE_URL is set", () => {
    const m = render(answer([excerpt("x")]), { seedsBaseUrl: "https://git.example/docs" });
    expect(texts(m)).toContain(
      "[1] <https://git.example/docs/guide/setup.md#L12|Setup> · guide/setup.md:12",
    );
  });

  it("marks clipped sentences with ellipses", () => {
    const m = render(answer([excerpt("middle", { clippedStart: true, clippedEnd: true })]), opts);
    expect(sections(m)).toEqual(["*[1]* …middle…"]);
  });

  it("adds the More and share buttons only when asked, More first", () => {
    expect(JSON.stringify(render(answer([excerpt("x")]), opts))).not.toContain(SHARE_ACTION);
    const m = render(answer([excerpt("x")], "how?"), { ...opts, more: "m", share: "s" });
    expect(m.blocks.at(-1)).toMatchObject({
      type: "actions",
      elements: [
        { action_id: MORE_ACTION, value: "m", text: { text: "More" } },
        { action_id: SHARE_ACTION, value: "s", text: { text: "Post to channel" } },
      ],
    });
  });

  it("puts no More button on an answer that has nothing to continue", () => {
    const none: Answer = { kind: "not_found", question: "how?", suggestions: { titles: [] } };
    expect(JSON.stringify(render(none, { ...opts, more: "m" }))).not.toContain(MORE_ACTION);
  });
});

describe("render: escaping, so quoted text can never mention or link", () => {
  it.each([
    ["<!channel> please", "&lt;!channel&gt; please"],
    ["<!here>", "&lt;!here&gt;"],
    ["<@U123> and <!subteam^S1>", "&lt;@U123&gt; and &lt;!subteam^S1&gt;"],
    ["<https://evil.example|bank.com>", "&lt;https://evil.example|bank.com&gt;"],
    ["a &amp; b > c", "a &amp;amp; b &gt; c"],
  ])("seed text %j", (raw, escaped) => {
    const m = render(answer([excerpt(raw, { title: raw })], raw), opts);
    expect(sections(m)[0]).toBe(`*[1]* ${escaped}`);
    for (const t of [...texts(m), m.text]) expect(t).not.toMatch(/<[!@#h]/);
  });

  it("escapes the question echoed in not-found replies, with suggestions", () => {
    const m = render(
      {
        kind: "not_found",
        question: "<!everyone> wifi",
        suggestions: { spelling: "wi-fi <x>", titles: ["Net & Wi-Fi"] },
      },
      opts,
    );
    expect(sections(m)[0]).toBe(
      "I couldn't find anything about “&lt;!everyone&gt; wifi” in the documents.\nDid you mean “wi-fi &lt;x&gt;”?\nThese documents come closest:\n• Net &amp; Wi-Fi",
    );
  });

  it("shows who shared an answer, and only a well-formed user id", () => {
    expect(
      texts(render(answer([excerpt("x")], "q <!here>"), { ...opts, sharedBy: "U42" }))[0],
    ).toBe("<@U42> asked: q &lt;!here&gt;");
    expect(
      JSON.stringify(render(answer([excerpt("x")]), { ...opts, sharedBy: "<!channel>" })),
    ).not.toContain("!channel");
  });
});

describe("render: help replies", () => {
  it.each([
    ["empty", /^Ask me about the documents: `\/ask/],
    ["help", /^Ask me about the documents/],
    ["greeting", /^Hi! Ask me/],
    ["thanks", /^You're welcome! Ask me/],
  ] as const)("%s", (reason, expected) => {
    const m = render({ kind: "help", question: "", reason }, opts);
    expect(sections(m)[0]).toMatch(expected);
    expect(m.text).toMatch(expected);
  });
});

function whole(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

describe("render: Block Kit limits at their boundaries", () => {
  const prefix = "*[1]* ".length;
  it("keeps a section of exactly 3,000 characters whole", () => {
    const text = "a".repeat(SECTION_MAX - prefix);
    expect(sections(render(answer([excerpt(text)]), opts))[0]).toBe(`*[1]* ${text}`);
  });

  it("cuts one character more with an ellipsis, within 3,000", () => {
    const s =
      sections(render(answer([excerpt("a".repeat(SECTION_MAX - prefix + 1))]), opts))[0] ?? "";
    expect(s).toHaveLength(SECTION_MAX);
    expect(s.endsWith("a…")).toBe(true);
  });

  it("counts escapes: 1,000 ampersands become 5,000 characters and are cut whole", () => {
    const s = sections(render(answer([excerpt("&".repeat(1000))]), opts))[0] ?? "";
    expect(s.length).toBeLessThanOrEqual(SECTION_MAX);
    expect(s).toMatch(/^\*\[1\]\* (&amp;)+…$/);
  });

  it("never sends more than 50 blocks or 10 context elements", () => {
    const m = render(answer(Array.from({ length: 80 }, (_, i) => excerpt(`s${i}`))), {
      ...opts,
      share: "s",
      more: "m",
    });
    expect(m.blocks.length).toBeLessThanOrEqual(BLOCKS_MAX);
    for (const b of m.blocks)
      if (b.type === "context") expect(b.elements.length).toBeLessThanOrEqual(10);
  });

  it("holds every limit for any text, highlights and clipping (property)", () => {
    const arbExcerpt = fc
      .tuple(fc.string({ unit: "grapheme", maxLength: 4000 }), fc.nat(), fc.nat(), fc.boolean())
      .map(([text, a, b, clipped]) => {
        // The core highlights whole words, so spans never split a surrogate pair.
        const start = whole(text, text.length ? a % text.length : 0);
        const end = whole(text, Math.min(text.length, start + (b % 50)));
        return excerpt(text, {
          title: text.slice(0, 300),
          highlights: [{ start, end }],
          clippedEnd: clipped,
        });
      });
    fc.assert(
      fc.property(fc.array(arbExcerpt, { minLength: 1, maxLength: 60 }), (excerpts) => {
        const m = render(answer(excerpts, excerpts[0]?.text ?? ""), {
          ...opts,
          share: "s",
          more: "m",
        });
        expect(m.blocks.length).toBeLessThanOrEqual(BLOCKS_MAX);
        for (const t of texts(m)) {
          expect(t.length).toBeLessThanOrEqual(SECTION_MAX);
          expect(t).not.toMatch(/[<>]/);
          expect(t).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
        }
      }),
      { numRuns: 60 },
    );
  });
});
