export type TextPart = string | { href: string; text: string };

// http(s) links and bare www. addresses; nothing else ever becomes a link.
const linkPattern = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
const trailing = /[.,;:!?…»"')\]]/u;
const count = (text: string, char: string) => text.split(char).length - 1;

/**
 * Splits message text into plain strings and links. The result is rendered
 * as text nodes and `<a>` elements, never parsed as HTML, so markup in a
 * message shows as the characters the author typed.
 */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    let link = match[0];
    // Sentence punctuation after a link belongs to the sentence; a closing
    // bracket stays when the link opened it (Wikipedia-style addresses).
    while (trailing.test(link.at(-1) ?? '')) {
      if (link.endsWith(')') && count(link, '(') >= count(link, ')')) break;
      link = link.slice(0, -1);
    }
    const start = match.index;
    if (start > last) parts.push(text.slice(last, start));
    const href = /^www\./i.test(link) ? `https://${link}` : link;
    parts.push({ href, text: link });
    last = start + link.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
