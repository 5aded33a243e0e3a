import { describe, expect, it } from "vitest";
import { formatOf, parseDocument, type Format } from "../../src/ingest/document.ts";

/** Title plus each passage as its section and sentence strings. */
function parse(text: string, format: Format) {
  const doc = parseDocument(text, format, "fallback-name");
  return {
    title: doc.title,
    passages: doc.passages.map((p) => ({
      paragraph: p.paragraph,
      section: p.section,
      sentences: p.sentences.map((s) => text.slice(s.start, s.end)),
    })),
    raw: doc.passages,
  };
}

const allSentences = (text: string, format: Format) =>
  parse(text, format).passages.flatMap((p) => p.sentences);

describe("formatOf", () => {
  it.each([
    ["a.md", "markdown"],
    ["dir/B.MARKDOWN", "markdown"],
    ["guide.rst", "rst"],
    ["guide.rst.txt", "rst"],
    ["notes.txt", "text"],
  ])("reads %s as %s", (file, format) => {
    expect(formatOf(file)).toBe(format);
  });
});

describe("Markdown", () => {
  it("uses headings as title and sections, never as passages", () => {
    const text =
      "# The *Big* Title\n\nIntro text here.\n\n## Part `two`\n\nBody of part two.\n\nSetext Head\n-----------\n\nLast para.\n";
    const doc = parse(text, "markdown");
    expect(doc.title).toBe("The Big Title");
    expect(doc.passages).toEqual([
      { paragraph: 2, section: "The Big Title", sentences: ["Intro text here."] },
      { paragraph: 4, section: "Part two", sentences: ["Body of part two."] },
      { paragraph: 6, section: "Setext Head", sentences: ["Last para."] },
    ]);
  });

  it("falls back to the given name when there is no heading", () => {
    expect(parse("Just prose.\n", "markdown").title).toBe("fallback-name");
  });

  it("drops fenced code, even with blank lines inside the fence", () => {
    const text =
      "# Doc\n\nBefore the code.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n~~~\nplain fence\n~~~\n\nAfter the code.\n";
    const all = allSentences(text, "markdown");
    expect(all).toEqual(["Before the code.", "After the code."]);
  });

  it("keeps the words of a one-line blockquote without its marker", () => {
    expect(allSentences("# Doc\n\n> Quoted words here.\n", "markdown")).toEqual([
      "Quoted words here.",
    ]);
  });

  it("splits a multi-line blockquote into sentences without '>' markers", () => {
    const sentences = allSentences(
      "# Doc\n\n> Quoted words here.\n> More quote follows.\n",
      "markdown",
    );
    expect(sentences).toEqual(["Quoted words here.", "More quote follows."]);
  });

  it("splits list items into their own sentences", () => {
    expect(allSentences("# Doc\n\n- item one\n- item two\n", "markdown")).toEqual([
      "item one",
      "item two",
    ]);
  });

  it("drops HTML comments and table rules", () => {
    const text = "# Doc\n\n<!-- hidden note -->\n\n|---|---|\n\nVisible text.\n";
    expect(allSentences(text, "markdown")).toEqual(["Visible text."]);
  });
});

describe("reStructuredText", () => {
  it("reads over- and underlined section titles as title and sections", () => {
    const text = "=====\nTitle\n=====\n\nIntro para.\n\nSection\n-------\n\nSection body.\n";
    const doc = parse(text, "rst");
    expect(doc.title).toBe("Title");
    expect(doc.passages).toEqual([
      { paragraph: 2, section: "Title", sentences: ["Intro para."] },
      { paragraph: 4, section: "Section", sentences: ["Section body."] },
    ]);
  });

  it("skips literal blocks after '::' and resumes at the next unindented paragraph", () => {
    const text =
      "Title\n=====\n\nExample follows::\n\n    code here\n    more code\n\n    still code\n\nAfter code.\n";
    const sentences = allSentences(text, "rst");
    expect(sentences).not.toContain("code here\n    more code");
    expect(sentences.join(" ")).not.toMatch(/code here|still code/);
    expect(sentences).toContain("After code.");
  });

  it("keeps a directive's body as prose but not its markup line", () => {
    const text = "Title\n=====\n\n.. note::\n   Note body text.\n\nEnd.\n";
    expect(allSentences(text, "rst")).toEqual(["Note body text.", "End."]);
  });

  it("drops code-block directives, targets and bare directives", () => {
    const text =
      "Title\n=====\n\n.. code-block:: python\n\n   print(1)\n\n.. _label:\n\n.. image:: x.png\n\nEnd.\n";
    expect(allSentences(text, "rst")).toEqual(["End."]);
  });
});

describe("text", () => {
  it("takes the first line as title and does not index a one-line headline", () => {
    const doc = parse("Headline line\n\nBody one. Body two.\n", "text");
    expect(doc.title).toBe("Headline line");
    expect(doc.passages).toEqual([
      { paragraph: 2, section: "Headline line", sentences: ["Body one.", "Body two."] },
    ]);
  });

  it("quotes a first line that is a sentence (ends with . ! or ?), and titles the file by name", () => {
    const doc = parse("The ferry leaves at noon.\n\nTickets cost four euros.\n", "text");
    expect(doc.title).toBe("fallback-name");
    expect(doc.passages.flatMap((p) => p.sentences)).toEqual([
      "The ferry leaves at noon.",
      "Tickets cost four euros.",
    ]);
  });

  it("quotes a first line longer than a title can be", () => {
    const line = `${"word ".repeat(40)}without a final stop`;
    const doc = parse(`${line}\n\nMore.\n`, "text");
    expect(doc.title).toBe("fallback-name");
    expect(doc.passages[0]?.sentences).toEqual([line]);
  });

  it("quotes a file that is one line, even one that reads like a title", () => {
    const doc = parse("Harbour closed on Sundays\n", "text");
    expect(doc.title).toBe("Harbour closed on Sundays");
    expect(doc.passages.flatMap((p) => p.sentences)).toEqual(["Harbour closed on Sundays"]);
  });

  it("quotes every sentence of a 60-sentence single-line notes file", () => {
    const line = Array.from({ length: 60 }, (_, i) => `Ship ${i} docked at pier ${i + 1}.`).join(
      " ",
    );
    const doc = parse(`${line}\n`, "text");
    expect(doc.passages.flatMap((p) => p.sentences)).toHaveLength(60);
  });
});

describe("long paragraphs", () => {
  const sentence = (i: number) =>
    `Sentence number ${i} talks about the harbour and its many ships at length.`;
  const body = Array.from({ length: 60 }, (_, i) => sentence(i)).join(" ");
  const text = `Long one\n\n${body}\n\nShort tail.\n`;
  const doc = parse(text, "text");
  const long = doc.raw.filter((p) => p.paragraph === 2);

  it("cuts a long paragraph into several passages of the same paragraph number", () => {
    expect(body.length).toBeGreaterThan(1500);
    expect(long.length).toBeGreaterThan(1);
    for (const p of long) expect(p.end - p.start).toBeLessThanOrEqual(1500);
  });

  it("cuts only at sentence boundaries, losing and repeating no sentence", () => {
    const got = long.flatMap((p) => p.sentences.map((s) => text.slice(s.start, s.end)));
    expect(got).toEqual(Array.from({ length: 60 }, (_, i) => sentence(i)));
    for (const p of long) {
      expect(p.start).toBe(p.sentences[0]?.start);
      expect(p.end).toBe(p.sentences.at(-1)?.end);
    }
  });

  it("keeps the following paragraph whole", () => {
    expect(doc.passages.at(-1)).toEqual({
      paragraph: 3,
      section: "Long one",
      sentences: ["Short tail."],
    });
  });
});
