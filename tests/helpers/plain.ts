/**
 * Discord or Slack text without the emphasis citebot's phrase highlight adds (`**…**`, `__…__`,
 * `*…*`), so adapter tests check what was quoted, not which words the learned phrase model picked.
 */
export function withoutEmphasis(text: string): string {
  return text.replace(/\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/g, "");
}
