import { decideVerification, listVerifications, type PartaClient } from '@parta/core';
import { canInOrg, type OrgCounters, type VerificationRequest } from '@parta/protocol';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { DecisionController } from '../controllers/decision-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { OrgController } from '../controllers/org-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { PartaVerificationDecideEvent } from '../events/verification-decide.js';
import { displayName, formatDate, type Locale, tc } from '../i18n.js';
import { controls } from '../styles/controls.js';
import { tokens } from '../styles/tokens.js';
import { styles } from './verifications.styles.js';

/**
 * @summary Pending teacher verification requests of an organisation, with Approve and Decline, kept live.
 *
 * An adult who is not yet staff asks to be confirmed as a teacher, naming a
 * position; an administrator decides. Approval makes the person staff with
 * the "verified" mark. A decision is final, so Decline asks first. The list
 * reloads whenever the verification counter changes on the server. Anyone
 * `canInOrg` does not allow to decide sees a note instead of the list.
 *
 * @fires parta-verification-decide - Approve or (confirmed) Decline was pressed (`event.requestId`, `event.decision`, `event.userId`). Cancelable.
 * @csspart header - The title row with the counter.
 * @csspart count - The number of pending requests.
 * @csspart list - The list of requests.
 * @csspart item - One request.
 * @csspart button - Every button; also `button-approve`, `button-decline`.
 * @csspart notice - What the last decision did (a live region).
 * @csspart error - Why loading or deciding failed.
 * @csspart empty - The loading or empty note.
 * @csspart denied - The note for a member who may not decide.
 * @csspart confirm - The confirmation dialog.
 */
export class PartaVerifications extends LitElement {
  static override styles = [tokens, controls, styles];

  /** The organisation; defaults to the client's current one. */
  @property({ attribute: 'org-id' }) orgId?: string;

  /** Language: `ru` (default) or `en`; defaults to the client's. */
  @property() locale?: Locale;

  /** Use this client instead of the one from `<parta-client>`. */
  @property({ attribute: false }) client?: PartaClient;

  #org = new OrgController(this);
  #requests = new LoadController<VerificationRequest[]>(this);
  #counters = new StoreController<OrgCounters | null>(this);
  #confirm = new ConfirmController(this);
  #decisions = new DecisionController(this, this.#confirm);
  /** The verification count the list was last loaded for. */
  #seen: number | undefined;

  get #locale() {
    return this.locale ?? this.#org.client?.locale;
  }

  /** Whether the user may decide here; undefined until `/me` tells. */
  get #allowed(): boolean | undefined {
    if (!this.#org.me) return undefined;
    return canInOrg(this.#org.actor, 'verification.decide');
  }

  /** The pending requests shown. */
  get requests(): readonly VerificationRequest[] {
    return this.#decisions.pending(this.#requests.value ?? []);
  }

  protected override willUpdate(): void {
    this.#org.bind();
    const client = this.#org.client;
    const orgId = this.#org.orgId;
    // Once `/me` shows the user may not decide, the server would refuse the list: stop asking.
    // Before that, ask anyway, so an unreachable server shows its error rather than endless loading.
    const watched = client && orgId && this.#allowed !== false ? orgId : undefined;
    this.#counters.store = watched ? client!.$counters(watched) : undefined;
    this.#requests.sync(watched, () => listVerifications(client!, watched!));
    // A counter that moved (a request filed or decided anywhere) reloads the list. So does
    // its first value: a request filed between the first load and the counter's must show.
    const count = watched ? this.#counters.value?.verifications : undefined;
    if (count !== undefined && count !== this.#seen) void this.#requests.reload();
    this.#seen = count;
  }

  protected override render() {
    const strings = tc(this.#locale);
    const allowed = this.#allowed;
    const requests = this.requests;
    const loading = !this.#requests.value && !this.#requests.error;
    return html`<header part="header">
        <h2 id="title" tabindex="-1">${strings.verifications}</h2>
        ${allowed && requests.length > 0 ? html`<span part="count">${requests.length}</span>` : nothing}
      </header>
      ${this.#decisions.messages(this.#requests.error, this.#locale)}
      ${
        allowed === false && this.#org.orgId
          ? html`<p part="denied">${strings.verificationNotAllowed}</p>`
          : requests.length === 0
            ? html`<p part="empty">${loading ? this.#org.loadingNote(strings) : this.#requests.error ? '' : strings.noVerifications}</p>`
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

  #renderRequest(request: VerificationRequest) {
    const strings = tc(this.#locale);
    const locale = this.#locale === 'en' ? 'en' : 'ru';
    const nameId = `request-${request.id}`;
    return html`<li part="item" data-request-id=${request.id}>
      <div class="grow">
        <span class="name" id=${nameId}>${displayName(request.user)}</span>
        <span class="meta">${request.position} · ${strings.askedAt} ${formatDate(request.createdAt, locale, true)}</span>
      </div>
      ${
        this.#allowed
          ? this.#decisions.actions(
              request.id,
              nameId,
              { approve: strings.confirmTeacher, decline: strings.decline },
              (d) => this.#decide(request, d),
            )
          : nothing
      }
    </li>`;
  }

  #decide(request: VerificationRequest, decision: 'approve' | 'decline') {
    const client = this.#org.client;
    if (!client) return;
    const strings = tc(this.#locale);
    const name = displayName(request.user);
    return this.#decisions.decide(request.id, decision, {
      declineQuestion: {
        title: strings.declineVerificationQuestion(name),
        detail: strings.verificationFinal,
        confirm: strings.decline,
        cancel: strings.cancel,
      },
      event: new PartaVerificationDecideEvent(request.id, decision, request.user.id),
      act: () => decideVerification(client, request.id, decision),
      done: decision === 'approve' ? strings.teacherConfirmed(name) : strings.verificationDeclined(name),
      locale: this.#locale,
      order: (this.#requests.value ?? []).map((item) => item.id),
      reload: () => this.#requests.reload(),
    });
  }
}
