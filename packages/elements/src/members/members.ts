import {
  appointAdmin,
  listClasses,
  listMembers,
  memberDetails,
  type PartaClient,
  removeMember,
  revokeAdmin,
} from '@parta/core';
import { type ClassInfo, canInOrg, isStaff, type Member, type MemberDetails, roleLabel } from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { OrgController } from '../controllers/org-controller.js';
import { className, describeError } from '../format.js';
import { displayName, type Locale, tc } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './members.styles.js';

const SEARCH_DELAY_MS = 300;

const bySurname = (a: Member, b: Member) =>
  a.user.surname.localeCompare(b.user.surname, 'ru') || a.user.name.localeCompare(b.user.name, 'ru');

/**
 * @summary An organisation's members with their roles; filter by class or name, see a student's parents, manage administrators.
 *
 * Teachers and staff show their patronymic and the "verified" mark (SPEC §2).
 * Administrators remove members (after confirming) and appoint or revoke
 * other administrators; administrators and a student's class teacher open a
 * student's confirmed parents.
 *
 * @csspart header - The title row.
 * @csspart filters - The search field and the class filter.
 * @csspart list - The members.
 * @csspart item - One member.
 * @csspart verified - The "verified" mark of staff.
 * @csspart parents - A student's parents, once opened.
 * @csspart button - Every button; also `button-parents`, `button-admin`, `button-remove`.
 * @csspart notice - What the last action did (a live region).
 * @csspart error - Why loading or an action failed.
 * @csspart empty - The loading or empty note.
 * @csspart confirm - The confirmation dialog.
 */
export class PartaMembers extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The organisation; defaults to the client's current one. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /** Show only this class's members. */
  @property({ attribute: 'class-id' }) classId?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @state() private query = '';
  @state() private notice = '';
  @state() private error = '';
  /** The student whose parents are open, and what was loaded for it. */
  @state() private openStudent: string | null = null;
  @state() private details: MemberDetails | Error | null = null;

  #org = new OrgController(this);
  #members = new LoadController<Member[]>(this);
  #classes = new LoadController<ClassInfo[]>(this);
  #confirm = new ConfirmController(this);
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #shownOrg: string | undefined;

  get #locale() {
    return this.locale ?? this.#org.client?.locale;
  }

  /** The members shown, by surname. */
  get members(): readonly Member[] {
    return [...(this.#members.value ?? [])].sort(bySurname);
  }

  protected override willUpdate(): void {
    this.#org.bind();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    const ready = client && orgId;
    const query = { q: this.query || undefined, classId: this.classId || undefined };
    this.#members.sync(
      ready ? `${orgId}|${this.query}|${this.classId ?? ''}` : undefined,
      () => listMembers(client!, orgId!, query),
      // A new filter narrows the same organisation's list: keep showing it until the answer comes.
      orgId === this.#shownOrg,
    );
    this.#shownOrg = ready ? orgId : undefined;
    this.#classes.sync(ready ? orgId : undefined, () => listClasses(client!, orgId!));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override render() {
    const strings = tc(this.#locale);
    const members = this.members;
    const loaded = this.#members.value !== undefined;
    return html`<header part="header">
        <h2 id="title" tabindex="-1">${strings.members}</h2>
      </header>
      <div part="filters" role="search">
        <label class="search">
          ${strings.search}
          <input type="search" .value=${this.query} @input=${this.#onSearch} />
        </label>
        <label>
          ${strings.classLabel}
          <select @change=${(event: Event) => (this.classId = (event.target as HTMLSelectElement).value || undefined)}>
            <option value="">${strings.allClasses}</option>
            ${(this.#classes.value ?? []).map(
              (cls) => html`<option value=${cls.id} ?selected=${cls.id === this.classId}>${className(cls)}</option>`,
            )}
          </select>
        </label>
      </div>
      <p part="notice" role="status">${this.notice}</p>
      <p part="error" role="alert">${this.error || (this.#members.error ? describeError(this.#members.error, this.#locale) : '')}</p>
      ${
        members.length === 0
          ? html`<p part="empty">${loaded && !this.#members.loading ? strings.noMembers : this.#members.error ? '' : this.#org.loadingNote(strings)}</p>`
          : html`<ul part="list" aria-labelledby="title" aria-busy=${this.#members.loading ? 'true' : 'false'}>
              ${repeat(
                members,
                (member) => member.user.id,
                (member) => this.#renderMember(member),
              )}
            </ul>`
      }
      ${this.#confirm.render()}`;
  }

  #renderMember(member: Member) {
    const strings = tc(this.#locale);
    const locale = this.#locale === 'en' ? 'en' : 'ru';
    const actor = this.#org.actor;
    const self = member.user.id === this.#org.me?.user.id;
    const classOf = (id: string | null) => this.#classes.value?.find((cls) => cls.id === id);
    const studentClass = member.roles.includes('student') ? classOf(member.classId) : undefined;
    const led = member.leadClassIds.map(classOf).filter((cls): cls is ClassInfo => Boolean(cls));
    // "Классный руководитель 9А, Учитель": the led classes go with the role's own label.
    const roles = member.roles.map((role) => {
      const label = roleLabel(this.#org.type, role, locale);
      return role === 'lead' && led.length > 0 ? `${label} ${led.map(className).join(', ')}` : label;
    });
    const meta = [roles.join(', '), studentClass ? className(studentClass) : null, member.position].filter(Boolean);
    const name = displayName(member.user);
    const nameId = `member-${member.user.id}`;
    const isAdmin = member.roles.includes('admin');
    const canParents = member.roles.includes('student') && canInOrg(actor, 'parents.view', { classId: member.classId });
    // Administrators come from the staff: students and parents are never offered the role.
    const canAdmins = !self && isStaff(member.roles) && canInOrg(actor, 'admins.manage');
    const canRemove = !self && canInOrg(actor, 'members.remove');
    const open = this.openStudent === member.user.id;
    return html`<li part="item" data-user-id=${member.user.id}>
      <div class="grow">
        <span class="name" id=${nameId}>
          ${name}
          ${
            member.user.verified
              ? html`<svg part="verified" role="img" aria-label=${strings.verified} viewBox="0 0 20 20">
                  <path d="M10 1l2.4 1.8 3 .1.9 2.8 2.4 1.8-.9 2.9.9 2.8-2.4 1.8-.9 2.8-3 .1L10 19l-2.4-1.8-3-.1-.9-2.8L1.3 12.5l.9-2.8-.9-2.9 2.4-1.8.9-2.8 3-.1z" />
                  <path d="M6 10.2l2.6 2.6L14 7.4" fill="none" stroke="var(--_on-accent)" stroke-width="1.8" />
                </svg>`
              : nothing
          }
        </span>
        <span class="meta">${meta.join(' · ')}</span>
        ${open ? this.#renderParents() : nothing}
      </div>
      ${
        canParents || canAdmins || canRemove
          ? html`<div class="actions">
              ${
                canParents
                  ? html`<button
                      type="button"
                      part="button button-parents"
                      aria-expanded=${open ? 'true' : 'false'}
                      aria-controls=${open ? `parents-${member.user.id}` : nothing}
                      aria-describedby=${nameId}
                      @click=${() => this.#toggleParents(member)}
                    >
                      ${strings.parents}
                    </button>`
                  : nothing
              }
              ${
                canAdmins
                  ? html`<button
                      type="button"
                      part="button button-admin"
                      aria-describedby=${nameId}
                      @click=${() => this.#toggleAdmin(member)}
                    >
                      ${isAdmin ? strings.revokeAdmin : strings.makeAdmin}
                    </button>`
                  : nothing
              }
              ${
                canRemove
                  ? html`<button
                      type="button"
                      part="button button-remove"
                      class="danger"
                      aria-describedby=${nameId}
                      @click=${() => this.#remove(member)}
                    >
                      ${strings.remove}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
    </li>`;
  }

  #renderParents() {
    const strings = tc(this.#locale);
    const details = this.details;
    const id = `parents-${this.openStudent}`;
    if (!details) return html`<p part="parents" id=${id} class="meta">${strings.loading}</p>`;
    if (details instanceof Error) {
      return html`<p part="parents error" id=${id}>${describeError(details, this.#locale)}</p>`;
    }
    if (details.parents.length === 0) return html`<p part="parents" id=${id} class="meta">${strings.noParents}</p>`;
    return html`<ul part="parents" id=${id} aria-label=${strings.showParents(displayName(details.member.user))}>
      ${details.parents.map((parent) => html`<li>${displayName(parent)}</li>`)}
    </ul>`;
  }

  #onSearch = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.trim();
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.query = value), SEARCH_DELAY_MS);
  };

  async #toggleParents(member: Member) {
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    if (!client || !orgId) return;
    if (this.openStudent === member.user.id) {
      this.openStudent = null;
      return;
    }
    this.openStudent = member.user.id;
    this.details = null;
    try {
      const details = await memberDetails(client, orgId, member.user.id);
      if (this.openStudent === member.user.id) this.details = details;
    } catch (error) {
      if (this.openStudent === member.user.id) this.details = error instanceof Error ? error : new Error(String(error));
    }
  }

  async #toggleAdmin(member: Member) {
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    if (!client || !orgId) return;
    const strings = tc(this.#locale);
    const name = displayName(member.user);
    const wasAdmin = member.roles.includes('admin');
    this.error = '';
    this.notice = '';
    try {
      const updated = wasAdmin
        ? await revokeAdmin(client, orgId, member.user.id)
        : await appointAdmin(client, orgId, member.user.id);
      this.#members.set((this.#members.value ?? []).map((held) => (held.user.id === updated.user.id ? updated : held)));
      this.notice = wasAdmin ? strings.adminTaken(name) : strings.adminGiven(name);
    } catch (error) {
      this.error = describeError(error, this.#locale);
    }
  }

  async #remove(member: Member) {
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    if (!client || !orgId) return;
    const strings = tc(this.#locale);
    const name = displayName(member.user);
    const sure = await this.#confirm.ask({
      title: strings.removeQuestion(name),
      detail: strings.removeFinal,
      confirm: strings.remove,
      cancel: strings.cancel,
    });
    if (!sure) return;
    this.error = '';
    this.notice = '';
    try {
      await removeMember(client, orgId, member.user.id);
      this.#members.set((this.#members.value ?? []).filter((held) => held.user.id !== member.user.id));
      this.notice = strings.removed(name);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.error = describeError(error, this.#locale);
    }
  }
}
