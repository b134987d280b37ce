import type { CurrentOrganisation, PartaClient } from '@parta/core';
import type { MeResponse, OrgActor, OrgType } from '@parta/protocol';
import type { ReactiveElement } from 'lit';
import { ClientController } from './client-controller.js';
import { StoreController } from './store-controller.js';

/** A widget that works on one organisation: the chosen one, or the one its `org-id` names. */
export interface OrgHost extends ReactiveElement {
  client?: PartaClient | undefined;
  orgId?: string | undefined;
}

/**
 * Resolves what every community widget needs before it can ask the server
 * anything: the client (own or provided), the organisation to show, its type
 * (for role labels) and the user's place in it (for `canInOrg`).
 */
export class OrgController {
  #host: OrgHost;
  #provided: ClientController;
  #me: StoreController<MeResponse | null>;
  #current: StoreController<CurrentOrganisation | null>;

  constructor(host: OrgHost) {
    this.#host = host;
    this.#provided = new ClientController(host, () => host.requestUpdate());
    this.#me = new StoreController(host);
    this.#current = new StoreController(host);
  }

  get client(): PartaClient | undefined {
    return this.#host.client ?? this.#provided.value;
  }

  get me(): MeResponse | null | undefined {
    return this.#me.value;
  }

  /** The organisation shown: `org-id` if set, else the client's current one. */
  get orgId(): string | undefined {
    return this.#host.orgId ?? this.#current.value?.organisation.id;
  }

  /** The user's entry for the organisation shown, once `/me` is loaded. */
  get entry(): CurrentOrganisation | undefined {
    const orgId = this.orgId;
    return this.#me.value?.organisations.find((entry) => entry.organisation.id === orgId);
  }

  get type(): OrgType {
    return this.entry?.organisation.type ?? 'school';
  }

  /** The user as the permission table sees it; null until known or when not a member. */
  get actor(): OrgActor | null {
    const membership = this.entry?.membership;
    return membership ? { roles: membership.roles, leadClassIds: membership.leadClassIds } : null;
  }

  /** The note while nothing is shown: loading, or that the user has no organisation to show. */
  loadingNote(strings: { loading: string; noOrganisation: string }): string {
    return this.#me.value && !this.orgId ? strings.noOrganisation : strings.loading;
  }

  /** Follows the current client's stores; call first thing in `willUpdate`, so the rest of it sees them. */
  bind(): void {
    const client = this.client;
    this.#me.store = client?.$me;
    this.#current.store = client?.$organisation;
  }
}
