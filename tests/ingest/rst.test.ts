import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/document.ts";
import { createCitebotFromTexts } from "../../src/tools.ts";

/** Title, and every passage as its section and sentence strings. */
function parse(text: string) {
  const doc = parseDocument(text, "rst", "fallback");
  return {
    title: doc.title,
    passages: doc.passages.map((p) => ({
      section: p.section,
      sentences: p.sentences.map((s) => text.slice(s.start, s.end)),
    })),
  };
}
const sentences = (text: string) => parse(text).passages.flatMap((p) => p.sentences);

describe("reST titles", () => {
  it.each([
    ["underline =", "Harbour Guide\n=============\n\nBody.\n"],
    ["underline -", "Harbour Guide\n-------------\n\nBody.\n"],
    ["underline ~", "Harbour Guide\n~~~~~~~~~~~~~\n\nBody.\n"],
    ["underline ^", "Harbour Guide\n^^^^^^^^^^^^^\n\nBody.\n"],
    ["underline *", "Harbour Guide\n*************\n\nBody.\n"],
    ["underline #", "Harbour Guide\n#############\n\nBody.\n"],
    ["over- and underline", "#############\nHarbour Guide\n#############\n\nBody.\n"],
    ["inset overline", "=================\n  Harbour Guide  \n=================\n\nBody.\n"],
    ["inline literal markup", "``Harbour`` *Guide*\n===================\n\nBody.\n"],
  ])("reads the title from a %s", (_name, text) => {
    const doc = parse(text);
    expect(doc.title).toBe("Harbour Guide");
    expect(doc.passages).toEqual([{ section: "Harbour Guide", sentences: ["Body."] }]);
  });

  it("makes each later underlined title the section of the passages that follow", () => {
    const text =
      "Harbour Guide\n=============\n\nIntro.\n\nShips\n-----\n\nShip text.\n\n" +
      "Small boats\n~~~~~~~~~~~\n\nBoat text.\n\nWeather\n-------\n\nFog text.\n";
    const doc = parse(text);
    expect(doc.title).toBe("Harbour Guide");
    expect(doc.passages).toEqual([
      { section: "Harbour Guide", sentences: ["Intro."] },
      { section: "Ships", sentences: ["Ship text."] },
      { section: "Small boats", sentences: ["Boat text."] },
      { section: "Weather", sentences: ["Fog text."] },
    ]);
  });

  it("does not take a transition line for a title or a passage", () => {
    const text = "Title\n=====\n\nBefore.\n\n----------\n\nAfter.\n";
    expect(parse(text).passages).toEqual([
      { section: "Title", sentences: ["Before."] },
      { section: "Title", sentences: ["After."] },
    ]);
  });

  // Python's library reference titles its pages like this; the role is markup, not title text.
  it("drops an interpreted-text role from a title", () => {
    const text =
      ":mod:`os` --- Miscellaneous operating system interfaces\n" +
      "=======================================================\n\nBody.\n";
    const title = parse(text).title;
    expect(title).toContain("Miscellaneous operating system interfaces");
    expect(title).not.toContain(":mod:");
    expect(title).not.toContain("`");
  });

  it("falls back to the given name without any title", () => {
    expect(parse("Just a paragraph.\n").title).toBe("fallback");
  });
});

describe("reST directives", () => {
  it.each(["note", "warning", "seealso"])(
    "keeps the prose body of `.. %s::`, not its markup line",
    (name) => {
      const text = `Title\n=====\n\n.. ${name}::\n\n   The keeper lights the lamp at dusk.\n   He trims the wick at dawn.\n\nEnd.\n`;
      expect(sentences(text)).toEqual([
        "The keeper lights the lamp at dusk.",
        "He trims the wick at dawn.",
        "End.",
      ]);
    },
  );

  it("keeps a directive body that starts on the next line without a blank line", () => {
    const text = "Title\n=====\n\n.. note::\n   The keeper lights the lamp at dusk.\n\nEnd.\n";
    expect(sentences(text)).toEqual(["The keeper lights the lamp at dusk.", "End."]);
  });

  // In reST the body of an admonition may begin on the directive line itself.
  it("keeps prose that starts on the directive line", () => {
    const text =
      "Title\n=====\n\n.. note:: The keeper lights the lamp at dusk.\n   He trims the wick at dawn.\n\nEnd.\n";
    const all = sentences(text).join(" ");
    expect(all).toContain("The keeper lights the lamp at dusk.");
    expect(all).toContain("He trims the wick at dawn.");
    expect(all).not.toContain(".. note::");
  });

  it("does not index the body of `.. index::`", () => {
    const text =
      "Title\n=====\n\n.. index::\n   single: lamp; keeper\n   pair: harbour; light\n\nThe keeper lights the lamp.\n";
    expect(sentences(text)).toEqual(["The keeper lights the lamp."]);
  });

  it("does not index a one-line `.. index::`", () => {
    const text = "Title\n=====\n\n.. index:: single: lamp\n\nThe keeper lights the lamp.\n";
    expect(sentences(text)).toEqual(["The keeper lights the lamp."]);
  });

  it.each(["code-block:: python", "code:: python", "sourcecode:: python", "code-block::"])(
    "does not index the body of `.. %s`",
    (head) => {
      const text = `Title\n=====\n\n.. ${head}\n\n   import os\n   print(os.getcwd())\n\n   x = 1\n\nAfter the code.\n`;
      expect(sentences(text)).toEqual(["After the code."]);
    },
  );

  it("does not index a code-block's options", () => {
    const text =
      "Title\n=====\n\n.. code-block:: python\n   :linenos:\n   :caption: Example\n\n   print(1)\n\nAfter the code.\n";
    expect(sentences(text)).toEqual(["After the code."]);
  });

  it("does not index a multi-line comment", () => {
    const text =
      "Title\n=====\n\n.. This is a comment for editors\n   that spans two lines.\n\nVisible prose.\n";
    expect(sentences(text)).toEqual(["Visible prose."]);
  });

  it("does not index targets or substitution definitions", () => {
    const text =
      "Title\n=====\n\n.. _harbour-label:\n\n.. |lamp| image:: lamp.png\n\nVisible prose.\n";
    expect(sentences(text)).toEqual(["Visible prose."]);
  });
});

describe("reST literal blocks", () => {
  it("indexes the paragraph ending in '::' but not the indented block after it", () => {
    const text =
      "Title\n=====\n\nRun the tool like this::\n\n    $ tool --fast\n    done\n\n    more output\n\nThe tool then exits.\n";
    const all = sentences(text);
    expect(all.join(" ")).not.toMatch(/tool --fast|done|more output/);
    expect(all[0]).toMatch(/^Run the tool like this:/);
    expect(all.at(-1)).toBe("The tool then exits.");
  });

  it("does not index the expanded '::' marker paragraph or its block", () => {
    const text =
      "Title\n=====\n\nThe tool prints a table.\n\n::\n\n    a | b\n    1 | 2\n\nThe end.\n";
    expect(sentences(text)).toEqual(["The tool prints a table.", "The end."]);
  });

  it("resumes after a literal block inside an indented paragraph", () => {
    const text =
      "Title\n=====\n\n  Quoted example::\n\n      code line\n\n  Quoted prose again.\n\nTop level.\n";
    const all = sentences(text);
    expect(all.join(" ")).not.toContain("code line");
    expect(all).toContain("Quoted prose again.");
    expect(all).toContain("Top level.");
  });

  it("resumes a directive's prose after a literal block inside it", () => {
    const text =
      "Title\n=====\n\n.. note::\n   For example::\n\n      code line\n\n   The note goes on here.\n\nTop level.\n";
    const all = sentences(text);
    expect(all.join(" ")).not.toContain("code line");
    expect(all).toContain("The note goes on here.");
    expect(all).toContain("Top level.");
  });
});

describe("reST excerpts", () => {
  const GUIDE =
    "================\nThe Harbour Book\n================\n\n" +
    ".. index:: single: lighthouse\n\n" +
    "Lighthouse\n----------\n\n" +
    "The lighthouse keeper counted seventeen ships in the harbour.\n" +
    "Fog rolls in from the north sea every autumn morning.\n\n" +
    ".. note::\n   The keeper lights the great lamp at dusk with a long brass taper.\n\n" +
    "Example::\n\n    lamp.light(taper)\n\n" +
    "Bridges\n-------\n\nThe stone bridge was built in 1842 by the river guild.\n";

  it.each([
    ["LF", GUIDE],
    ["CRLF", GUIDE.replace(/\n/g, "\r\n")],
  ])("quotes sentences verbatim at their offsets (%s line endings)", (_name, text) => {
    const bot = createCitebotFromTexts([{ doc: "guide/harbour.rst", text }]);
    expect(bot.documents()).toEqual([
      expect.objectContaining({ doc: "guide/harbour.rst", title: "The Harbour Book" }),
    ]);
    const cases: [string, string, number][] = [
      ["How many ships did the lighthouse keeper count?", "seventeen ships", 10],
      ["When does the keeper light the great lamp?", "brass taper", 14],
      ["Who built the stone bridge?", "river guild", 23],
    ];
    for (const [question, expected, line] of cases) {
      const answer = bot.ask(question);
      if (answer.kind !== "cited") throw new Error(`${question}: got ${answer.kind}`);
      const first = answer.excerpts[0];
      expect(first?.text).toContain(expected);
      expect(first?.line).toBe(line);
      expect(first?.title).toBe("The Harbour Book");
      for (const e of answer.excerpts) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.text).not.toMatch(/^\s|\s$|\r|\.\. |::/);
      }
    }
  });

  it("never quotes directive markup or literal code", () => {
    const bot = createCitebotFromTexts([{ doc: "harbour.rst", text: GUIDE }]);
    for (const q of ["lamp light taper", "index single lighthouse", "note lamp"]) {
      const answer = bot.ask(q);
      if (answer.kind !== "cited") continue;
      for (const e of answer.excerpts) expect(e.text).not.toMatch(/lamp\.light|\.\. |single:/);
    }
  });
});
