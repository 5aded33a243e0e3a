/* eslint-disable no-control-regex */
// C0 and C1 controls (ESC starts terminal sequences; CR and LF forge log lines) and bidi
// overrides, which make a name read differently from what it is.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * A file name (or any short untrusted text) as it may be printed to a terminal or a log line:
 * control and bidi characters become visible `\u001b`-style escapes, everything else is kept.
 */
export function toPrintable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
