import { getOrganisation, type PartaClient, updateOrganisation } from '@parta/core';
import {
  canInOrg,
  type OrganisationProfile,
  type OrganisationResponse,
  type UpdateOrganisationBody,
} from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LoadController } from '../controllers/load-controller.js';
import { OrgController } from '../controllers/org-controller.js';
import { describeError } from '../format.js';
import { type Locale, tc } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './org-profile.styles.js';

type Field = keyof UpdateOrganisationBody;

/** What UpdateOrganisationBody accepts for each field; the inputs stop at the same length. */
const maxLength: Record<Field, number> = { name: 200, address: 300, contacts: 300, description: 2000, avatarUrl: 500 };
const fields = Object.keys(maxLength) as Field[];

/** "Школа № 1" → "Ш1": the first letters or digits of the first two words that have one. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0] ?? '')
    .filter(Boolean)
    .slice(0, 2)
    .join('')
    .toUpperCase();
}

/**
 * The fields a refused save names. The server lists what failed validation
 * as `field: reason; …` after its error code, so the form can point at them.
 */
function refusedFields(error: unknown): Field[] {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'bad_request' || typeof message !== 'string') return [];
  return fields.filter((field) => new RegExp(`(?:: |; )${field}: `).test(message));
}

/**
 * @summary The organisation's profile: name, type, INN/KPP, address, contacts, description and logo; administrators edit it.
 *
 * The organisation's home page shows it (SPEC §11); its administrators fill
 * it in (SPEC §2). Everyone else sees it read-only, without the fields left empty.
 *
 * @csspart header - The logo, name, type and the edit button.
 * @csspart avatar - The logo, or the name's initials when there is none.
 * @csspart name - The organisation's name.
 * @csspart type - What kind of organisation it is (school, preschool…).
 * @csspart details - The list of profile fields.
 * @csspart form - The form that edits the profile.
 * @csspart button - Every button; also `button-edit`, `button-save`, `button-cancel`.
 * @csspart notice - What the last save did (a live region).
 * @csspart error - Why loading or saving failed.
 * @csspart empty - The loading note.
 */
export class PartaOrgProfile extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The organisation; defaults to the client's current one. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @state() private editing = false;
  @state() private saving = false;
  @state() private notice = '';
  @state() private error = '';
  @state() private invalid: Field[] = [];
  /** A logo address that failed to load: the initials stand in for it. */
  @state() private brokenAvatar = '';

  #org = new OrgController(this);
  #profile = new LoadController<OrganisationResponse>(this);

  get #locale() {
    return this.locale ?? this.#org.client?.locale;
  }

  get #canEdit(): boolean {
    return canInOrg(this.#org.actor, 'org.edit');
  }

  /** The profile shown, once loaded. */
  get profile(): OrganisationProfile | undefined {
    return this.#profile.value?.organisation;
  }

  protected override willUpdate(): void {
    this.#org.bind();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    this.#profile.sync(client && orgId ? orgId : undefined, () => getOrganisation(client!, orgId!));
  }

  protected override render() {
    const strings = tc(this.#locale);
    const profile = this.profile;
    const loadError = this.#profile.error ? describeError(this.#profile.error, this.#locale) : '';
    if (!profile) {
      return html`<p part="error" role="alert">${loadError}</p>
        ${loadError ? nothing : html`<p part="empty">${this.#org.loadingNote(strings)}</p>`}`;
    }
    return html`<header part="header">
        ${this.#renderAvatar(profile)}
        <div class="grow">
          <h2 part="name" id="title" tabindex="-1">${profile.name}</h2>
          <span part="type" class="meta">${strings.orgTypes[profile.type]}</span>
        </div>
        ${
          this.#canEdit && !this.editing
            ? html`<button type="button" part="button button-edit" aria-describedby="title" @click=${this.#edit}>
                ${strings.edit}
              </button>`
            : nothing
        }
      </header>
      <p part="notice" role="status">${this.notice}</p>
      <p part="error" role="alert">${this.error}</p>
      ${this.editing ? this.#renderForm(profile) : this.#renderDetails(profile)}`;
  }

  #renderAvatar(profile: OrganisationProfile) {
    const url = profile.avatarUrl;
    if (url && url !== this.brokenAvatar) {
      return html`<img
        part="avatar"
        src=${url}
        alt=${tc(this.#locale).avatarAlt(profile.name)}
        @error=${() => (this.brokenAvatar = url)}
      />`;
    }
    return html`<span part="avatar" aria-hidden="true">${initials(profile.name)}</span>`;
  }

  #renderDetails(profile: OrganisationProfile) {
    const strings = tc(this.#locale);
    const rows = [
      [strings.inn, profile.inn],
      [strings.kpp, profile.kpp],
      [strings.address, profile.address],
      [strings.contacts, profile.contacts],
      [strings.description, profile.description],
    ] as const;
    // Administrators see the gaps they could fill; everyone else only what is there.
    const shown = this.#canEdit ? rows : rows.filter(([, value]) => value);
    if (shown.length === 0) return nothing;
    return html`<dl part="details" aria-labelledby="title">
      ${shown.map(
        ([label, value]) =>
          html`<div class="row">
            <dt>${label}</dt>
            <dd class=${value ? '' : 'missing'}>${value || strings.notGiven}</dd>
          </div>`,
      )}
    </dl>`;
  }

  #renderForm(profile: OrganisationProfile) {
    const strings = tc(this.#locale);
    const invalid = (field: Field) => (this.invalid.includes(field) ? 'true' : nothing);
    return html`<form part="form" aria-labelledby="form-title" @submit=${this.#save}>
      <h3 id="form-title">${strings.editProfile}</h3>
      <label class="wide">
        ${strings.orgName}
        <input
          name="name"
          required
          pattern=".*\\S.*"
          maxlength=${maxLength.name}
          aria-invalid=${invalid('name')}
          .value=${profile.name}
        />
      </label>
      <label class="wide">
        ${strings.address}
        <input
          name="address"
          maxlength=${maxLength.address}
          autocomplete="street-address"
          aria-invalid=${invalid('address')}
          .value=${profile.address ?? ''}
        />
      </label>
      <label class="wide">
        ${strings.contacts}
        <textarea name="contacts" rows="2" maxlength=${maxLength.contacts} aria-invalid=${invalid('contacts')} .value=${profile.contacts ?? ''}></textarea>
      </label>
      <label class="wide">
        ${strings.description}
        <textarea
          name="description"
          rows="5"
          maxlength=${maxLength.description}
          aria-invalid=${invalid('description')}
          .value=${profile.description ?? ''}
        ></textarea>
      </label>
      <label class="wide">
        ${strings.avatarUrl}
        <input
          name="avatarUrl"
          type="url"
          maxlength=${maxLength.avatarUrl}
          placeholder="https://"
          aria-invalid=${invalid('avatarUrl')}
          .value=${profile.avatarUrl ?? ''}
        />
      </label>
      <div class="actions">
        <button type="submit" part="button button-save" class="primary" ?disabled=${this.saving}>${strings.save}</button>
        <button type="button" part="button button-cancel" @click=${() => this.#close()}>${strings.cancel}</button>
      </div>
    </form>`;
  }

  #edit = async () => {
    this.notice = '';
    this.error = '';
    this.invalid = [];
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('form [name="name"]')?.focus();
  };

  async #close() {
    this.editing = false;
    this.error = '';
    this.invalid = [];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="button-edit"]')?.focus();
  }

  #save = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    const held = this.#profile.value;
    if (!client || !orgId || !held || this.saving) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    // An emptied field clears the value on the server.
    const text = (field: Field) => String(data.get(field) ?? '').trim() || null;
    const body: UpdateOrganisationBody = {
      name: text('name') ?? '',
      address: text('address'),
      contacts: text('contacts'),
      description: text('description'),
      avatarUrl: text('avatarUrl'),
    };
    this.saving = true;
    this.error = '';
    this.invalid = [];
    try {
      const organisation = await updateOrganisation(client, orgId, body);
      this.#profile.set({ ...held, organisation });
      this.notice = tc(this.#locale).profileSaved;
      await this.#close();
    } catch (error) {
      this.#refused(error);
    } finally {
      this.saving = false;
    }
  };

  /** Says why the server refused, naming the fields it named, and moves focus to the first of them. */
  async #refused(error: unknown) {
    const strings = tc(this.#locale);
    const invalid = refusedFields(error);
    const label: Record<Field, string> = {
      name: strings.orgName,
      address: strings.address,
      contacts: strings.contacts,
      description: strings.description,
      avatarUrl: strings.avatarUrl,
    };
    this.invalid = invalid;
    this.error =
      invalid.length > 0
        ? strings.checkFields(invalid.map((field) => `${label[field]} (${strings.upTo(maxLength[field])})`).join(', '))
        : describeError(error, this.#locale);
    if (invalid.length === 0) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`form [name="${invalid[0]}"]`)?.focus();
  }
}
