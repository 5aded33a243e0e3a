// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const PLATFORM_SDKS = [
  { name: "discord.js", message: "src/ is the core: no platform SDK (adapters/discord owns it)." },
  { name: "@slack/bolt", message: "src/ is the core: no platform SDK (adapters/slack owns it)." },
];
const CORE_DOOR =
  "Adapters use the core only through its door, src/index.ts (tools use src/tools.ts).";
const NO_TOOLS = { regex: "^(\\.\\./)+tools/", message: "Front ends do not import tools/." };
/** Adapters may use their own folder, adapters/shared and the core's door; `others` = folders they may not. */
const adapterRules = (/** @type {string} */ others, /** @type {string} */ message) => [
  "error",
  {
    patterns: [
      { regex: "^(\\.\\./)+src/(?!index\\.ts$)", message: CORE_DOOR },
      { regex: `^\\.\\./(${others})/`, message },
      NO_TOOLS,
    ],
  },
];
const ADAPTERS_APART = "Adapters don't import each other; shared code goes in adapters/shared.";

export default tseslint.config(
  { ignores: ["node_modules/", ".cache/", "coverage/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  // The boundaries of the house layout (README, Architecture). Import circles are caught by
  // tests/imports.test.ts, which reads the same files.
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: PLATFORM_SDKS,
          patterns: [
            { group: ["@slack/*"], message: "src/ is the core: no platform SDK." },
            {
              regex: "^(\\.\\./)+(adapters|tools)/",
              message: "src/ is the core: it imports no adapter and no tool.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["adapters/cli/**/*.ts"],
    rules: { "no-restricted-imports": adapterRules("repl|discord|slack", ADAPTERS_APART) },
  },
  {
    files: ["adapters/discord/**/*.ts"],
    rules: { "no-restricted-imports": adapterRules("repl|cli|slack", ADAPTERS_APART) },
  },
  {
    files: ["adapters/slack/**/*.ts"],
    rules: { "no-restricted-imports": adapterRules("repl|cli|discord", ADAPTERS_APART) },
  },
  {
    files: ["adapters/shared/**/*.ts"],
    rules: { "no-restricted-imports": adapterRules("repl|cli|discord|slack", ADAPTERS_APART) },
  },
  {
    // The REPL previews the exact payloads the chat platforms would get (`:as discord`).
    files: ["adapters/repl/**/*.ts"],
    rules: {
      "no-restricted-imports": adapterRules(
        "cli|discord(?!/render\\.ts$)|slack(?!/render\\.ts$)",
        "The REPL imports only the chat platforms' render.ts, for its payload previews.",
      ),
    },
  },
  {
    files: ["tools/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.\\./src/(?!tools\\.ts$)",
              message: "Tools use the core through its tools' door, src/tools.ts.",
            },
          ],
        },
      ],
    },
  },
);
