/**
 * A rendered Discord or Slack text without our highlight marks (bold, underline), so a test
 * can look for a sentence whatever words the learned answer-phrase model chose to mark.
 */
export function withoutMarkup(text: unknown): string {
  return String(text).replace(/\*\*|__|\*/g, "");
}
