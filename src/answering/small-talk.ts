import type { HelpReason } from "./answer.ts";

const GREETING =
  /^(hi|hello|hey|hiya|howdy|yo|hallo|greetings|good (morning|afternoon|evening|day))( there| all| everyone| citebot| bot)?$/;
const HELP =
  /^(help|\?+|commands|usage|what can you do|how does this work|how do i use (this|you|citebot))$/;
const THANKS =
  /^(thanks|thank you|thx|ty|cheers|thanks a lot|thank you very much|great thanks|ok thanks)$/;

/** Recognises messages that are not questions: empty, greetings, help requests, thanks. */
export function smallTalk(text: string): HelpReason | null {
  const t = text
    .toLowerCase()
    .replace(/[!.,:;?¡¿\s]+$/g, "")
    .replace(/^[!.,\s]+/, "")
    .replace(/\s+/g, " ");
  if (t === "") return text.includes("?") ? "help" : "empty";
  if (GREETING.test(t)) return "greeting";
  if (HELP.test(t)) return "help";
  if (THANKS.test(t)) return "thanks";
  return null;
}
