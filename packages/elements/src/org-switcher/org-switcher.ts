import type { CurrentOrganisation, PartaClient } from '@parta/core';
import type { MeResponse } from '@parta/protocol';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientController } from '../controllers/client-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaOrgSelectEvent } from '../events/org-select.js';
import { type Locale, tc } from '../i18n.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './org-switcher.styles.js';

/**
 * @summary The user's organisations; choosing one makes it current for every widget on the page.
 *
 * A person can belong to several organisations (a teacher in two schools, a
 * parent of children in different schools). With more than one this is a
 * native `<select>`; with one it just shows the organisation's name. On a
 * school's website (the widgets hold the site's embed token, which acts for
 * that school only) it shows just that school; with Parta's own sign-in it
 * offers every organisation the person belongs to.
 *
 * @fires parta-org-select - An organisation was chosen (`event.orgId`, `event.name`). Cancelable.
 * @csspart name - The organisation's name when there is only one.
 * @csspart select - The select element.
 * @csspart label - The select's label.
 * @csspart empty - The loading or no-organisation note.
 */
export class PartaOrgSwitcher extends LitElement {
  static override styles = [tokens, styles];

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  #provided = new ClientController(this, () => this.requestUpdate());
  #me = new StoreController<MeResponse | null>(this);
  #organisations = new StoreController<CurrentOrganisation[]>(this);
  #current = new StoreController<CurrentOrganisation | null>(this);

  get #client(): PartaClient | undefined {
    return this.client ?? this.#provided.value;
  }

  /** The current organisation's id. */
  get value(): string | undefined {
    return this.#current.value?.organisation.id;
  }

  protected override willUpdate(): void {
    this.#me.store = this.#client?.$me;
    this.#organisations.store = this.#client?.$organisations;
    this.#current.store = this.#client?.$organisation;
  }

  protected override render() {
    const strings = tc(this.locale ?? this.#client?.locale);
    const me = this.#me.value;
    if (!me) return html`<span part="empty" role="status">${strings.loading}</span>`;
    const organisations = this.#organisations.value ?? [];
    if (organisations.length === 0) return html`<span part="empty">${strings.noOrganisations}</span>`;
    if (organisations.length === 1) return html`<span part="name">${organisations[0]!.organisation.name}</span>`;
    return html`<label part="label">
      <span class="visually-hidden">${strings.organisation}</span>
      <select part="select" @change=${this.#onChange}>
        ${organisations.map(
          ({ organisation }) =>
            html`<option value=${organisation.id} ?selected=${organisation.id === this.value}>${organisation.name}</option>`,
        )}
      </select>
    </label>`;
  }

  #onChange = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const chosen = this.#organisations.value?.find((entry) => entry.organisation.id === select.value);
    if (!chosen) return;
    if (!this.dispatchEvent(new PartaOrgSelectEvent(chosen.organisation.id, chosen.organisation.name))) {
      select.value = this.value ?? '';
      return;
    }
    this.#client?.selectOrganisation(chosen.organisation.id);
  };
}
