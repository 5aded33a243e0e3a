#!/usr/bin/env node
// citebot <command> [arguments]: one executable for every front end and tool. Built to
// dist/bin/citebot.js by `npm run build` (run by `npm ci` through `prepare`).
process.setSourceMapsEnabled(true); // stack traces name the .ts lines

/** Each command, what it does, and the module that runs it (loaded only when chosen). */
const COMMANDS: Readonly<Record<string, { about: string; run: () => Promise<unknown> }>> = {
  start: { about: "the REPL on the seeds folder", run: () => import("../adapters/repl/main.ts") },
  ask: {
    about: "answer one question, or --jsonl lines",
    run: () => import("../adapters/cli/ask.ts"),
  },
  discord: { about: "answer on Discord", run: () => import("../adapters/discord/main.ts") },
  slack: { about: "answer on Slack", run: () => import("../adapters/slack/main.ts") },
  index: {
    about: "build the persisted index and exit (for INDEX_MODE=read replicas)",
    run: () => import("../adapters/cli/build-index.ts"),
  },
  eval: { about: "answer quality on a question set", run: () => import("../tools/eval.ts") },
  train: {
    about: "learn the ranking, phrase or abstention weights",
    run: () => import("../tools/train.ts"),
  },
  bench: { about: "speed and memory", run: () => import("../tools/bench.ts") },
  load: {
    about: "load test of Slack's HTTP mode on loopback",
    run: () => import("../tools/load.ts"),
  },
  burst: {
    about: "answer latency while a burst of changed seeds is rebuilt",
    run: () => import("../tools/burst.ts"),
  },
  "load-log": {
    about: "ask --jsonl timed with the question log off and on",
    run: () => import("../tools/log-load.ts"),
  },
  report: {
    about: "the knowledge-gap report as one HTML page",
    run: () => import("../tools/report.ts"),
  },
  lexicon: {
    about: "rebuild the general-frequency table",
    run: () => import("../tools/lexicon.ts"),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([c, { about }]) => `  ${c.padEnd(width)}  ${about}`);
  return [
    "usage: citebot <command> [arguments]",
    "",
    ...lines,
    `  ${"help".padEnd(width)}  this list`,
  ].join("\n");
}

const name = process.argv[2] ?? "";
const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
if (name === "help" || name === "--help" || name === "-h") {
  process.stdout.write(usage() + "\n");
} else if (!command) {
  process.stderr.write(
    `citebot: ${name ? `unknown command "${name}"` : "no command given"}\n${usage()}\n`,
  );
  process.exitCode = 2;
} else {
  process.argv.splice(2, 1); // the command sees its own arguments from argv[2] on, as before
  await command.run();
}
