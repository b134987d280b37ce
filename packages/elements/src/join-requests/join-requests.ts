import {
  decideJoinRequest,
  type JoinRequestsStore,
  joinRequestsStore,
  type ListState,
  listClasses,
  type PartaClient,
} from '@parta/core';
import { type ClassInfo, canInOrg, type JoinRequest, roleLabel } from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { DecisionController } from '../controllers/decision-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { OrgController } from '../controllers/org-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaJoinRequestDecideEvent } from '../events/join-request-decide.js';
import { className } from '../format.js';
import { displayName, formatDate, type Locale, tc } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './join-requests.styles.js';

/**
 * @summary Pending requests to join an organisation, with Approve and Decline, kept live.
 *
 * Following an invite link files a request; an administrator (or the class
 * teacher, for its own classes) decides. A decision is final, so Decline asks
 * first. The list reloads whenever the member's request counter changes on
 * the server. Decide buttons appear only where `canInOrg` allows.
 *
 * @fires parta-join-request-decide - Approve or (confirmed) Decline was pressed (`event.requestId`, `event.decision`, `event.userId`). Cancelable.
 * @csspart header - The title row with the counter.
 * @csspart count - The number of pending requests.
 * @csspart list - The list of requests.
 * @csspart item - One request.
 * @csspart button - Every button; also `button-approve`, `button-decline`.
 * @csspart notice - What the last decision did (a live region).
 * @csspart error - Why loading or deciding failed.
 * @csspart empty - The loading or empty note.
 * @csspart confirm - The confirmation dialog.
 */
export class PartaJoinRequests extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The organisation; defaults to the client's current one. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  #org = new OrgController(this);
  #requests = new StoreController<ListState<JoinRequest>>(this);
  #classes = new LoadController<ClassInfo[]>(this);
  #confirm = new ConfirmController(this);
  #decisions = new DecisionController(this, this.#confirm);
  #store: JoinRequestsStore | undefined;

  get #locale() {
    return this.locale ?? this.#org.client?.locale;
  }

  /** The pending requests shown. */
  get requests(): readonly JoinRequest[] {
    return this.#decisions.pending(this.#requests.value?.items ?? []);
  }

  protected override willUpdate(): void {
    this.#org.bind();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    this.#store = client && orgId ? joinRequestsStore(client, orgId) : undefined;
    this.#requests.store = this.#store;
    this.#classes.sync(client && orgId ? orgId : undefined, () => listClasses(client!, orgId!, { archived: true }));
  }

  protected override render() {
    const strings = tc(this.#locale);
    const list = this.#requests.value;
    const requests = this.requests;
    return html`<header part="header">
        <h2 id="title" tabindex="-1">${strings.joinRequests}</h2>
        ${requests.length > 0 ? html`<span part="count">${requests.length}</span>` : nothing}
      </header>
      ${this.#decisions.messages(list?.error, this.#locale)}
      ${
        requests.length === 0
          ? html`<p part="empty">${!list || (list.loading && list.items.length === 0) ? this.#org.loadingNote(strings) : list.error ? '' : strings.noJoinRequests}</p>`
          : html`<ul part="list" aria-labelledby="title">
              ${repeat(
                requests,
                (request) => request.id,
                (request) => this.#renderRequest(request),
              )}
            </ul>`
      }
      ${this.#confirm.render()}`;
  }

  #renderRequest(request: JoinRequest) {
    const strings = tc(this.#locale);
    const locale = this.#locale === 'en' ? 'en' : 'ru';
    const cls = this.#classes.value?.find((candidate) => candidate.id === request.classId);
    const details = [
      roleLabel(this.#org.type, request.role, locale),
      cls ? className(cls) : null,
      request.child ? strings.forChild(displayName(request.child)) : null,
      `${strings.requestedAt} ${formatDate(request.createdAt, locale, true)}`,
    ].filter(Boolean);
    const canDecide = canInOrg(this.#org.actor, 'requests.decide', { classId: request.classId, role: request.role });
    const nameId = `request-${request.id}`;
    return html`<li part="item" data-request-id=${request.id}>
      <div class="grow">
        <span class="name" id=${nameId}>${displayName(request.user)}</span>
        <span class="meta">${details.join(' · ')}</span>
      </div>
      ${
        canDecide
          ? this.#decisions.actions(request.id, nameId, strings, (decision) => this.#decide(request, decision))
          : nothing
      }
    </li>`;
  }

  #decide(request: JoinRequest, decision: 'approve' | 'decline') {
    const client = this.#org.client;
    if (!client) return;
    const strings = tc(this.#locale);
    const name = displayName(request.user);
    return this.#decisions.decide(request.id, decision, {
      declineQuestion: {
        title: strings.declineQuestion(name),
        detail: strings.decisionFinal,
        confirm: strings.decline,
        cancel: strings.cancel,
      },
      event: new PartaJoinRequestDecideEvent(request.id, decision, request.user.id),
      act: () => decideJoinRequest(client, request.id, decision),
      done: decision === 'approve' ? strings.approved(name) : strings.declined(name),
      locale: this.#locale,
      order: (this.#requests.value?.items ?? []).map((item) => item.id),
      reload: () => this.#store?.reload(),
    });
  }
}
