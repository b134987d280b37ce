import type { PartaClient } from '@parta/core';
import { type ContactsResponse, routes, type UserSummary } from '@parta/protocol';
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { describeChatError, tm } from '../chats-i18n.js';
import { LoadController } from '../controllers/load-controller.js';
import { displayName, type Locale } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';

const SEARCH_DELAY_MS = 300;

/**
 * @summary Chooses people from those the user may contact (who share an organisation), found by name.
 *
 * Used by `<parta-new-chat>` and `<parta-chat-card>`. Checkboxes in a list;
 * the chosen ones also show above it as buttons that take them back out.
 *
 * @fires change - The choice changed; read `chosen`.
 * @csspart search - The search field.
 * @csspart chosen - The chosen people, each a `chip` button.
 * @csspart people - The people found, each a `person`.
 */
export class PartaPeoplePicker extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: grid;
        gap: var(--_space-2);
        background: none;
      }
      [part~='chosen'] {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space-1);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      [part~='chip'] {
        min-height: 28px;
        border-radius: 14px;
        background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
      }
      [part~='people'] {
        display: grid;
        max-height: 36vh;
        margin: 0;
        padding: 0;
        overflow: auto;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-s);
        list-style: none;
      }
      [part~='person'] label {
        padding: var(--_space-2) var(--_space-3);
        cursor: pointer;
      }
      [part~='person'] + [part~='person'] {
        border-top: 1px solid var(--_border);
      }
      [part~='empty'] {
        padding: var(--_space-2);
      }
    `,
  ];

  @property({ attribute: false }) client?: PartaClient;
  /** People not to offer (a chat's members, say). */
  @property({ attribute: false }) exclude: readonly string[] = [];
  /** Language: `ru` (default) or `en`. */
  @property() locale?: Locale;

  @state() private query = '';
  @state() private picked = new Map<string, UserSummary>();

  #people = new LoadController<ContactsResponse['people']>(this);
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  /** The people chosen, in the order chosen. */
  get chosen(): UserSummary[] {
    return [...this.picked.values()];
  }

  /** Forgets the choice. */
  clear(): void {
    this.picked = new Map();
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus(options);
  }

  protected override willUpdate(): void {
    const client = this.client;
    const query = this.query;
    this.#people.sync(
      client ? query : undefined,
      async () =>
        (await client!.request<ContactsResponse>(routes.contacts, { query: query ? { q: query } : {} })).people,
      true,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render() {
    const strings = tm(this.locale);
    const excluded = new Set(this.exclude);
    const people = this.#people.value?.filter((person) => !excluded.has(person.user.id));
    const chosen = this.chosen;
    return html`<label>
        ${strings.search}
        <input part="search" type="search" .value=${this.query} @input=${this.#onSearch} autocomplete="off" />
      </label>
      ${
        chosen.length > 0
          ? html`<ul part="chosen" aria-label=${strings.chosen(chosen.length)}>
              ${chosen.map(
                (user) => html`<li>
                  <button type="button" part="button chip" @click=${() => this.#toggle(user)}>${displayName(user)} ✕</button>
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${
        people === undefined
          ? html`<p part="empty" role=${this.#people.error ? 'alert' : 'status'}>
              ${this.#people.error ? describeChatError(this.#people.error, this.locale) : strings.loading}
            </p>`
          : people.length === 0
            ? html`<p part="empty">${strings.noPeople}</p>`
            : html`<ul part="people" aria-label=${strings.people} aria-busy=${this.#people.loading ? 'true' : 'false'}>
                ${repeat(
                  people,
                  (person) => person.user.id,
                  ({ user }) => html`<li part="person" data-user-id=${user.id}>
                    <label class="inline">
                      <input type="checkbox" .checked=${this.picked.has(user.id)} @change=${() => this.#toggle(user)} />
                      ${displayName(user)}
                    </label>
                  </li>`,
                )}
              </ul>`
      }`;
  }

  #toggle(user: UserSummary) {
    const picked = new Map(this.picked);
    if (picked.has(user.id)) picked.delete(user.id);
    else picked.set(user.id, user);
    this.picked = picked;
    this.dispatchEvent(new Event('change'));
  }

  #onSearch = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.query = value), SEARCH_DELAY_MS);
  };
}
