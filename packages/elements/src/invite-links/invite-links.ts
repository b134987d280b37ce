import { createInvite, listClasses, listInvites, type PartaClient, revokeInvite } from '@parta/core';
import {
  type ClassInfo,
  canInOrg,
  classRoles,
  type InviteLink,
  type InvitesResponse,
  invitableRoles,
  limits,
  type Role,
  roleLabel,
} from '@parta/protocol';
import { html, LitElement, nothing, svg } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { OrgController } from '../controllers/org-controller.js';
import { className, describeError } from '../format.js';
import { formatDate, type Locale, tc } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './invite-links.styles.js';
import { qrPath } from './qr.js';

/**
 * @summary An organisation's invite links: each with its QR code, uses left and expiry; create, copy, revoke.
 *
 * A link carries a role and a class, lives at most 14 days and 100 uses, and
 * an organisation makes at most 50 a day (SPEC §3). Following one files a
 * join request, it does not join. A class teacher invites only students and
 * parents, only into its own classes.
 *
 * @csspart header - The title row with today's count.
 * @csspart form - The form that creates a link.
 * @csspart list - The links.
 * @csspart item - One link.
 * @csspart qr - A link's QR code.
 * @csspart url - A link's address (a read-only field).
 * @csspart button - Every button; also `button-create`, `button-copy`, `button-revoke`.
 * @csspart notice - What the last action did (a live region).
 * @csspart error - Why loading failed; `form-error` why a link was not created.
 * @csspart empty - The loading or empty note.
 * @csspart confirm - The confirmation dialog.
 * @cssproperty --parta-invite-qr-size - The QR codes' width and height (default 112px).
 */
export class PartaInviteLinks extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The organisation; defaults to the client's current one. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /**
   * What comes before the code in a link, e.g. `https://school.example/join#`.
   * Defaults to this page's address and `#`.
   */
  @property({ attribute: 'link-base' }) linkBase?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  @state() private inviteRole: Role | undefined;
  @state() private notice = '';
  @state() private error = '';
  @state() private formError = '';
  @state() private creating = false;

  #org = new OrgController(this);
  #invites = new LoadController<InvitesResponse>(this);
  #classes = new LoadController<ClassInfo[]>(this);
  #confirm = new ConfirmController(this);

  get #locale() {
    return this.locale ?? this.#org.client?.locale;
  }

  /** The links that still exist (revoked ones are gone), newest first. */
  get invites(): readonly InviteLink[] {
    return (this.#invites.value?.invites ?? [])
      .filter((invite) => invite.revokedAt === null)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The full address of a link. */
  linkFor(code: string): string {
    const base = this.linkBase ?? `${globalThis.location?.href.split('#')[0] ?? ''}#`;
    return base + code;
  }

  protected override willUpdate(): void {
    this.#org.bind();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    const key = client && orgId ? orgId : undefined;
    this.#invites.sync(key, () => listInvites(client!, orgId!));
    this.#classes.sync(key, () => listClasses(client!, orgId!));
    const roles = this.#roles();
    if (!this.inviteRole || !roles.includes(this.inviteRole)) this.inviteRole = roles[0];
  }

  /** Roles this member may hand out: all but administrator, for a class teacher students and parents. */
  #roles(): Role[] {
    const actor = this.#org.actor;
    const classIds = [null, ...(this.#classes.value ?? []).map((cls) => cls.id), ...(actor?.leadClassIds ?? [])];
    return invitableRoles(this.#org.type).filter((role) =>
      classIds.some((classId) => canInOrg(actor, 'invites.manage', { role, classId })),
    );
  }

  /** Classes a link of the role may name. Students, class teachers and parents need one; other roles none. */
  #classOptions(role: Role): ClassInfo[] {
    const actor = this.#org.actor;
    return (this.#classes.value ?? []).filter(
      (cls) => !cls.archived && canInOrg(actor, 'invites.manage', { role, classId: cls.id }),
    );
  }

  protected override render() {
    const strings = tc(this.#locale);
    const data = this.#invites.value;
    const invites = this.invites;
    const canManage = canInOrg(this.#org.actor, 'invites.manage');
    return html`<header part="header">
        <h2 id="title" tabindex="-1">${strings.inviteLinks}</h2>
        ${data ? html`<span class="meta today">${strings.createdToday(data.createdToday, data.dailyLimit)}</span>` : nothing}
      </header>
      ${canManage && data ? this.#renderForm(data) : nothing}
      <p part="notice" role="status">${this.notice}</p>
      <p part="error" role="alert">${this.error || (this.#invites.error ? describeError(this.#invites.error, this.#locale) : '')}</p>
      ${
        invites.length === 0
          ? html`<p part="empty">${!data ? (this.#invites.error ? '' : this.#org.loadingNote(strings)) : strings.noInviteLinks}</p>`
          : html`<ul part="list" aria-labelledby="title">
              ${repeat(
                invites,
                (invite) => invite.code,
                (invite) => this.#renderInvite(invite),
              )}
            </ul>`
      }
      ${this.#confirm.render()}`;
  }

  #renderForm(data: InvitesResponse) {
    const strings = tc(this.#locale);
    const locale = this.#locale === 'en' ? 'en' : 'ru';
    const roles = this.#roles();
    const role = this.inviteRole;
    if (!role || roles.length === 0) return nothing;
    const withClass = classRoles.includes(role);
    const classOptions = withClass ? this.#classOptions(role) : [];
    const atLimit = data.createdToday >= data.dailyLimit;
    return html`<form part="form" aria-labelledby="form-title" @submit=${this.#create}>
      <h3 id="form-title">${strings.newInviteLink}</h3>
      <label>
        ${strings.role}
        <select name="role" @change=${(event: Event) => (this.inviteRole = (event.target as HTMLSelectElement).value as Role)}>
          ${roles.map((value) => html`<option value=${value} ?selected=${value === role}>${roleLabel(this.#org.type, value, locale)}</option>`)}
        </select>
      </label>
      ${
        withClass
          ? html`<label>
              ${strings.classLabel}
              <select name="classId" required>
                ${classOptions.length === 0 ? html`<option value="">${strings.classRequired}</option>` : nothing}
                ${classOptions.map((cls) => html`<option value=${cls.id}>${className(cls)}</option>`)}
              </select>
            </label>`
          : nothing
      }
      <label>
        ${strings.days}
        <input name="days" type="number" min="1" max=${limits.inviteLinkMaxDays} value="7" required />
      </label>
      <label>
        ${strings.maxUses}
        <input name="maxUses" type="number" min="1" max=${limits.inviteLinkMaxUses} value="30" required />
      </label>
      <button type="submit" part="button button-create" class="primary" ?disabled=${this.creating || (withClass && classOptions.length === 0)}>
        ${this.creating ? strings.creating : strings.create}
      </button>
      <p part="error form-error" role="alert">${this.formError || (atLimit ? strings.dailyLimit(data.dailyLimit) : '')}</p>
    </form>`;
  }

  #renderInvite(invite: InviteLink) {
    const strings = tc(this.#locale);
    const locale = this.#locale === 'en' ? 'en' : 'ru';
    const cls = this.#classes.value?.find((candidate) => candidate.id === invite.classId);
    const title = [roleLabel(this.#org.type, invite.role, locale), cls ? className(cls) : null]
      .filter(Boolean)
      .join(' · ');
    const expired = new Date(invite.expiresAt).getTime() <= Date.now();
    const usedUp = invite.uses >= invite.maxUses;
    const active = !expired && !usedUp;
    const url = this.linkFor(invite.code);
    const urlId = `url-${invite.code}`;
    const canRevoke = canInOrg(this.#org.actor, 'invites.manage', { role: invite.role, classId: invite.classId });
    const status = [
      usedUp ? strings.usedUp : strings.usesLeft(invite.maxUses - invite.uses, invite.maxUses),
      expired ? strings.expired : strings.validUntil(formatDate(invite.expiresAt, locale)),
    ];
    return html`<li part="item" class=${active ? '' : 'inactive'} data-code=${invite.code}>
      ${active ? this.#renderQr(url, strings.qrCode(title)) : nothing}
      <div class="grow">
        <span class="name">${title}</span>
        <span class="meta">${status.join(' · ')}</span>
        <input part="url" id=${urlId} readonly .value=${url} aria-label=${`${strings.link}: ${title}`} />
      </div>
      <div class="actions">
        ${
          active
            ? html`<button type="button" part="button button-copy" aria-describedby=${urlId} @click=${() => this.#copy(invite.code)}>
                ${strings.copy}
              </button>`
            : nothing
        }
        ${
          canRevoke
            ? html`<button type="button" part="button button-revoke" class="danger" aria-describedby=${urlId} @click=${() => this.#revoke(invite)}>
                ${strings.revoke}
              </button>`
            : nothing
        }
      </div>
    </li>`;
  }

  #renderQr(url: string, label: string) {
    const { size, d } = qrPath(url);
    // Dark on white whatever the theme: scanners expect it.
    return html`<svg part="qr" role="img" aria-label=${label} viewBox=${`0 0 ${size} ${size}`} shape-rendering="crispEdges">
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path>`}
    </svg>`;
  }

  #create = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    const form = event.currentTarget as HTMLFormElement;
    if (!client || !orgId || this.creating) return;
    const strings = tc(this.#locale);
    const data = new FormData(form);
    this.formError = '';
    this.notice = '';
    this.creating = true;
    try {
      const invite = await createInvite(client, orgId, {
        role: data.get('role') as Role,
        classId: (data.get('classId') as string) || null,
        days: Number(data.get('days')),
        maxUses: Number(data.get('maxUses')),
      });
      const current = this.#invites.value;
      if (current) {
        this.#invites.set({
          ...current,
          invites: [invite, ...current.invites],
          createdToday: current.createdToday + 1,
        });
      }
      this.notice = strings.created;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const limit = this.#invites.value?.dailyLimit ?? limits.inviteLinksPerOrgPerDay;
      this.formError = code === 'limit_reached' ? strings.dailyLimit(limit) : describeError(error, this.#locale);
    } finally {
      this.creating = false;
    }
  };

  async #copy(code: string) {
    const strings = tc(this.#locale);
    const url = this.linkFor(code);
    try {
      await navigator.clipboard.writeText(url);
      this.notice = strings.copied;
    } catch {
      // Clipboard access can be refused (an iframe without permission): leave the text selected instead.
      const field = this.renderRoot.querySelector<HTMLInputElement>(`#url-${CSS.escape(code)}`);
      field?.focus();
      field?.select();
      this.notice = strings.copyFailed;
    }
  }

  async #revoke(invite: InviteLink) {
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    if (!client || !orgId) return;
    const strings = tc(this.#locale);
    const sure = await this.#confirm.ask({
      title: strings.revokeQuestion,
      detail: strings.revokeFinal,
      confirm: strings.revoke,
      cancel: strings.cancel,
    });
    if (!sure) return;
    this.error = '';
    this.notice = '';
    try {
      const revoked = await revokeInvite(client, orgId, invite.code);
      const current = this.#invites.value;
      if (current) {
        this.#invites.set({
          ...current,
          invites: current.invites.map((held) => (held.code === revoked.code ? revoked : held)),
        });
      }
      this.notice = strings.revoked;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    } catch (error) {
      this.error = describeError(error, this.#locale);
    }
  }
}
