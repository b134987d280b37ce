import type { ClientMessage } from '@parta/core';
import type { Message } from '@parta/protocol';
import { html, nothing } from 'lit';
import { displayName, formatMoment, type t } from '../i18n.js';
import { linkify } from './linkify.js';

/**
 * The parts of a message besides its text and time: the quote of a reply,
 * "forwarded from", the award card, read confirmation, marks and ticks.
 * Pure templates; the thread passes what they need in a `MessageView`.
 */

type Strings = ReturnType<typeof t>;

/** What a message's parts need from the thread. */
export interface MessageView {
  strings: Strings;
  locale: string | undefined;
  own: boolean;
  /** One's own message has been read by someone else. */
  read: boolean;
  /** The reader confirmed it. */
  confirmed: boolean;
  jump: (messageId: string) => void;
  confirm: () => void;
  /** Opens who read or confirmed, next to `trigger`. */
  receipts: (trigger: HTMLElement) => void;
}

/**
 * Text with http(s) links made clickable; everything else stays text (never HTML). Text
 * without links stays one string: one text node, where a list costs a part per item.
 */
export const richText = (text: string) => {
  const parts = linkify(text);
  return parts.length === 1 && typeof parts[0] === 'string'
    ? parts[0]
    : parts.map((part) =>
        typeof part === 'string'
          ? part
          : html`<a href=${part.href} target="_blank" rel="noopener noreferrer nofollow ugc">${part.text}</a>`,
      );
};

const icon = (path: string, part: string, label: string) =>
  html`<svg part=${part} role="img" aria-label=${label} viewBox="0 0 24 24"><title>${label}</title><path d=${path} /></svg>`;

const PIN = 'M16 9V4h1a1 1 0 0 0 0-2H7a1 1 0 0 0 0 2h1v5a3 3 0 0 1-3 3v2h6v7l1 1 1-1v-7h6v-2a3 3 0 0 1-3-3z';
const STAR = 'M12 17.3 18.2 21l-1.7-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z';
const TIMER =
  'M9 1h6v2H9zm2 7h2v6h-2zm8-.6 1.4-1.4-1.4-1.4L17.6 6A9 9 0 1 0 21 13a9 9 0 0 0-2-5.6zM12 20a7 7 0 1 1 0-14 7 7 0 0 1 0 14z';

/** Above the text: where a forwarded message came from, and the quote of a reply. */
export function renderLead(message: Message, view: MessageView) {
  const { strings } = view;
  const from = message.forwardedFrom;
  const reply = message.replyTo;
  // Most messages have neither: no template to make for each of them.
  if (!from && !reply) return nothing;
  return html`${
    from
      ? html`<p part="forwarded">${strings.forwardedFrom(displayName(from.author))}${from.chatTitle ? ` · ${from.chatTitle}` : ''}</p>`
      : nothing
  }${
    reply
      ? html`<blockquote
          part="quote"
          @click=${(event: Event) => {
            if (!(event.target as Element).closest('a, button')) view.jump(reply.id);
          }}
        >
          <button
            part="quote-author"
            type="button"
            aria-label=${strings.toOriginal(displayName(reply.author))}
            @click=${() => view.jump(reply.id)}
          >
            ${displayName(reply.author)}
          </button>
          <span part="quote-text" class=${reply.deleted ? 'deleted' : ''}
            >${reply.deleted ? strings.deleted : richText(reply.text)}</span
          >
        </blockquote>`
      : nothing
  }`;
}

/** One medal for every badge, in the badge's colour (not emoji: not every system has a colour emoji font). */
const MEDAL =
  'M7 2h10v7l-5 3-5-3zm5 9a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11zm0 2.5 1 2.1 2.3.3-1.7 1.6.4 2.3-2-1.1-2 1.1.4-2.3-1.7-1.6 2.3-.3z';
const badgeColours = {
  curious: '#2a5bd7',
  helper: '#1e8e3e',
  star: '#c77700',
  creative: '#8e24aa',
  leader: '#d93025',
} as const;

/** An award message: a card with the badge, who gave it (the first author, when forwarded) to whom, and the giver's note. */
export function renderAward(message: Message, view: MessageView) {
  const award = message.award!;
  const { strings } = view;
  const badge = strings.badges[award.badge];
  return html`<div part="award">
    <svg part="award-badge" aria-hidden="true" viewBox="0 0 24 24" style=${`fill:${badgeColours[award.badge]}`}>
      <path d=${MEDAL} />
    </svg>
    <p part="award-title">
      ${strings.awarded(displayName((message.forwardedFrom ?? message).author), displayName(award.recipient), badge)}
    </p>
    ${message.text ? html`<p part="message-text">${richText(message.text)}</p>` : nothing}
  </div>`;
}

/** Below the text of a message that asks for read confirmation: the count, and the reader's action. */
export function renderConfirmation(message: Message, view: MessageView) {
  const confirmation = message.confirmation;
  if (!confirmation || message.deletedAt) return nothing;
  const { strings, own, confirmed } = view;
  const count = strings.confirmedCount(confirmation.confirmed, confirmation.total);
  return html`<div part="confirmation">
    ${
      own
        ? html`<button
            part="confirmation-count"
            type="button"
            aria-haspopup="dialog"
            @click=${(event: Event) => view.receipts(event.currentTarget as HTMLElement)}
          >
            ${count}
          </button>`
        : html`<span part="confirmation-count">${count}</span>`
    }
    ${
      own
        ? nothing
        : confirmed
          ? html`<span part="confirmed" tabindex="-1">${strings.youConfirmed}</span>`
          : html`<button part="confirm-button" type="button" class="primary" @click=${view.confirm}>
              ${strings.confirmRead}
            </button>`
    }
  </div>`;
}

/** Small marks in the status line: pinned, important, disappearing. */
export function renderMarks(message: ClientMessage, view: MessageView) {
  const timer = message.expiresAt && !message.deletedAt;
  if (!message.pinned && !message.important && !timer) return nothing;
  const { strings } = view;
  return html`${message.pinned ? icon(PIN, 'pinned-mark', strings.pinnedMessage) : nothing}${
    message.important ? icon(STAR, 'important-mark', strings.important) : nothing
  }${timer ? icon(TIMER, 'timer', strings.disappears(formatMoment(message.expiresAt!, view.locale))) : nothing}`;
}

/** ✓ sent, ✓✓ read by someone else: on one's own messages the server has. */
export function renderTicks(message: ClientMessage, view: MessageView) {
  if (!view.own || message.status !== 'sent' || message.deletedAt) return nothing;
  const label = view.read ? view.strings.read : view.strings.sent;
  return html`<span part=${view.read ? 'receipt receipt-read' : 'receipt'} role="img" aria-label=${label} title=${label}
    >${view.read ? '✓✓' : '✓'}</span
  >`;
}

/** The latest pinned message, above the log; a click shows it. */
export function renderPinnedBar(message: Message, strings: Strings, jump: (messageId: string) => void) {
  return html`<button part="pinned-bar" type="button" @click=${() => jump(message.id)}>
    <svg part="pinned-icon" aria-hidden="true" viewBox="0 0 24 24"><path d=${PIN} /></svg>
    <span class="bar-text">
      <span class="bar-label">${strings.pinnedMessage}</span>
      <span class="bar-quote">${message.deletedAt ? strings.deleted : message.text}</span>
    </span>
  </button>`;
}

/** Above the composer while replying: whom and what, and a way out. */
export function renderReplyBar(message: Message, strings: Strings, cancel: () => void) {
  return html`<div part="reply-bar" role="group" aria-label=${strings.replying}>
    <span class="bar-text">
      <span class="bar-label">${displayName(message.author)}</span>
      <span class="bar-quote">${message.award ? strings.badges[message.award.badge] : message.text}</span>
    </span>
    <button part="reply-cancel" type="button" aria-label=${strings.cancelReply} title=${strings.cancelReply} @click=${cancel}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6z" /></svg>
    </button>
  </div>`;
}
