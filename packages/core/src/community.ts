import {
  type ClassesResponse,
  type ClassInfo,
  type CreateClassBody,
  type CreateInviteBody,
  communityRoutes,
  type FileJoinRequestBody,
  type InviteLink,
  type InvitePreview,
  type InvitesResponse,
  type JoinRequest,
  type JoinRequestsResponse,
  type Member,
  type MemberDetails,
  type MembersResponse,
  type MeResponse,
  type MyRequestsResponse,
  type OrganisationProfile,
  type OrganisationResponse,
  type OrgCounters,
  type RequestStatus,
  type RequestVerificationBody,
  routes,
  type UpdateClassBody,
  type UpdateOrganisationBody,
  type VerificationRequest,
} from '@parta/protocol';
import { atom, computed, onMount, type ReadableAtom, type WritableAtom } from 'nanostores';
import { errorFromResponse, NetworkError } from './errors.js';
import type { RequestOptions } from './http.js';

/**
 * The school community (SPEC §2–3) on the client: which organisation the
 * widgets show, its live badge counters, and one plain action per route.
 *
 * The actions take the client as their first argument instead of being its
 * methods, so a page that only shows chats does not ship them.
 */

/** Anything that calls the server with the user's token: a `PartaClient`. */
export interface Requester {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
}

/** One of the user's organisations together with the user's place in it. */
export type CurrentOrganisation = MeResponse['organisations'][number];

/** What the organisation stores need from the client that owns them. */
export interface OrganisationHost {
  readonly baseUrl: string;
  readonly $me: ReadableAtom<MeResponse | null>;
  userId(): string | null;
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** Keeps the client connected until the returned function is called. */
  retain(): () => void;
}

const storageKey = (baseUrl: string, userId: string) => `parta.organisation|${baseUrl}|${userId}`;

function remembered(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    // Storage can be blocked (sandboxed iframes, privacy modes): then the choice lasts for the page.
    return null;
  }
}

function remember(key: string, orgId: string) {
  try {
    globalThis.localStorage?.setItem(key, orgId);
  } catch {}
}

/**
 * The chosen organisation and the badge counters, owned by `PartaClient`.
 * Counters load when first watched and follow the `counters` socket frame.
 */
export class OrganisationStores {
  readonly $organisations: ReadableAtom<CurrentOrganisation[]>;
  readonly $organisation: ReadableAtom<CurrentOrganisation | null>;
  readonly #host: OrganisationHost;
  readonly #chosen = atom<string | null>(null);
  readonly #counters = new Map<string, WritableAtom<OrgCounters | null>>();
  readonly #watched = new Set<string>();

  constructor(host: OrganisationHost) {
    this.#host = host;
    // On a school's website the widgets hold the school's embed token, which the server lets act for
    // that school only. Offering a teacher her college there would open pages that all answer 403 and
    // leave the site's developer to hide the switcher's choices; so the widgets stay in the site's
    // organisation, as the site's own pages do. Parta's own tokens (platform sign-in) act for every
    // organisation the person belongs to, and there the switcher offers them all.
    this.$organisations = computed(host.$me, (me) => {
      const organisations = me?.organisations ?? [];
      return me?.site ? organisations.filter((entry) => entry.organisation.id === me.site) : organisations;
    });
    this.$organisation = computed([host.$me, this.$organisations, this.#chosen], (me, organisations, chosen) => {
      const wanted = chosen ?? remembered(storageKey(host.baseUrl, me?.user.id ?? ''));
      return organisations.find((entry) => entry.organisation.id === wanted) ?? organisations[0] ?? null;
    });
  }

  select(orgId: string) {
    this.#chosen.set(orgId);
    const userId = this.#host.userId();
    if (userId) remember(storageKey(this.#host.baseUrl, userId), orgId);
  }

  counters(orgId: string): ReadableAtom<OrgCounters | null> {
    let $counters = this.#counters.get(orgId);
    if ($counters) return $counters;
    $counters = atom<OrgCounters | null>(null);
    this.#counters.set(orgId, $counters);
    onMount($counters, () => {
      const release = this.#host.retain();
      this.#watched.add(orgId);
      void this.#load(orgId);
      return () => {
        this.#watched.delete(orgId);
        release();
      };
    });
    return $counters;
  }

  /** A `counters` frame: what waits for this member's decision changed. */
  receive(counters: OrgCounters) {
    this.#counters.get(counters.orgId)?.set(counters);
  }

  /** After a reconnect, or when the user's roles change: frames may have been missed. */
  refresh() {
    for (const orgId of this.#watched) void this.#load(orgId);
  }

  async #load(orgId: string) {
    try {
      this.receive(await this.#host.request<OrgCounters>(routes.orgCounters(orgId)));
    } catch {
      // A member with nothing to decide may not read counters: the badge simply stays empty.
    }
  }
}

// ------------------------------------------------------------------ organisation

export function getOrganisation(client: Requester, orgId: string): Promise<OrganisationResponse> {
  return client.request<OrganisationResponse>(communityRoutes.organisation(orgId));
}

export async function updateOrganisation(
  client: Requester,
  orgId: string,
  body: UpdateOrganisationBody,
): Promise<OrganisationProfile> {
  const answer = await client.request<{ organisation: OrganisationProfile }>(communityRoutes.organisation(orgId), {
    method: 'PATCH',
    body,
  });
  return answer.organisation;
}

export function orgCounters(client: Requester, orgId: string): Promise<OrgCounters> {
  return client.request<OrgCounters>(routes.orgCounters(orgId));
}

// ------------------------------------------------------------------ members

export interface MembersQuery {
  /** Part of a name. */
  q?: string;
  classId?: string;
  role?: string;
}

export async function listMembers(client: Requester, orgId: string, query: MembersQuery = {}): Promise<Member[]> {
  const { members } = await client.request<MembersResponse>(communityRoutes.orgMembers(orgId), { query: { ...query } });
  return members;
}

export function memberDetails(client: Requester, orgId: string, userId: string): Promise<MemberDetails> {
  return client.request<MemberDetails>(communityRoutes.orgMember(orgId, userId));
}

export async function removeMember(client: Requester, orgId: string, userId: string): Promise<void> {
  await client.request(communityRoutes.orgMember(orgId, userId), {
    method: 'DELETE',
  });
}

export async function appointAdmin(client: Requester, orgId: string, userId: string): Promise<Member> {
  const { member } = await client.request<{ member: Member }>(communityRoutes.orgAdmins(orgId), {
    method: 'POST',
    body: { userId },
  });
  return member;
}

export async function revokeAdmin(client: Requester, orgId: string, userId: string): Promise<Member> {
  const { member } = await client.request<{ member: Member }>(communityRoutes.orgAdmins(orgId, userId), {
    method: 'DELETE',
  });
  return member;
}

// ------------------------------------------------------------------ classes

export async function listClasses(
  client: Requester,
  orgId: string,
  options: { archived?: boolean } = {},
): Promise<ClassInfo[]> {
  const { classes } = await client.request<ClassesResponse>(communityRoutes.classes(orgId), {
    query: { archived: options.archived ? 1 : undefined },
  });
  return classes;
}

export async function createClass(client: Requester, orgId: string, body: CreateClassBody): Promise<ClassInfo> {
  const answer = await client.request<{ class: ClassInfo }>(communityRoutes.classes(orgId), { method: 'POST', body });
  return answer.class;
}

export async function updateClass(
  client: Requester,
  orgId: string,
  classId: string,
  body: UpdateClassBody,
): Promise<ClassInfo> {
  const answer = await client.request<{ class: ClassInfo }>(communityRoutes.class(orgId, classId), {
    method: 'PATCH',
    body,
  });
  return answer.class;
}

// ------------------------------------------------------------------ invite links

export function listInvites(client: Requester, orgId: string): Promise<InvitesResponse> {
  return client.request<InvitesResponse>(communityRoutes.invites(orgId));
}

/** Creates a link; the 51st of a day is refused with `limit_reached`. */
export async function createInvite(client: Requester, orgId: string, body: CreateInviteBody): Promise<InviteLink> {
  const { invite } = await client.request<{ invite: InviteLink }>(communityRoutes.invites(orgId), {
    method: 'POST',
    body,
  });
  return invite;
}

export async function revokeInvite(client: Requester, orgId: string, code: string): Promise<InviteLink> {
  const { invite } = await client.request<{ invite: InviteLink }>(communityRoutes.invite(orgId, code), {
    method: 'DELETE',
  });
  return invite;
}

/**
 * What a link offers, for a person who may not be signed in yet: asked
 * without a token, so it takes the server's address rather than a client.
 */
export async function previewInvite(server: string | { baseUrl: string }, code: string): Promise<InvitePreview> {
  const baseUrl = (typeof server === 'string' ? server : server.baseUrl).replace(/\/+$/, '');
  let response: Response;
  try {
    response = await fetch(baseUrl + communityRoutes.invitePreview(code));
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as InvitePreview;
}

/** Following a link files a join request; it does not join (SPEC §3). */
export async function fileJoinRequest(
  client: Requester,
  code: string,
  body: FileJoinRequestBody = {},
): Promise<JoinRequest> {
  const { request } = await client.request<{ request: JoinRequest }>(communityRoutes.inviteRequest(code), {
    method: 'POST',
    body,
  });
  return request;
}

// ------------------------------------------------------------------ join requests

export async function listJoinRequests(
  client: Requester,
  orgId: string,
  options: { status?: RequestStatus } = {},
): Promise<JoinRequest[]> {
  const { requests } = await client.request<JoinRequestsResponse>(communityRoutes.joinRequests(orgId), {
    query: { status: options.status ?? 'pending' },
  });
  return requests;
}

/** Approves or declines; a decision is final, and deciding twice fails with `already_decided`. */
export async function decideJoinRequest(
  client: Requester,
  requestId: string,
  decision: 'approve' | 'decline',
): Promise<JoinRequest> {
  const { request } = await client.request<{ request: JoinRequest }>(
    communityRoutes.joinRequestAction(requestId, decision),
    {
      method: 'POST',
      body: {},
    },
  );
  return request;
}

/** The requester withdraws its own pending request. */
export async function cancelJoinRequest(client: Requester, requestId: string): Promise<JoinRequest> {
  const { request } = await client.request<{ request: JoinRequest }>(
    communityRoutes.joinRequestAction(requestId, 'cancel'),
    {
      method: 'POST',
      body: {},
    },
  );
  return request;
}

export function myRequests(client: Requester): Promise<MyRequestsResponse> {
  return client.request<MyRequestsResponse>(communityRoutes.myRequests);
}

/** A parent confirms its child's registration. */
export async function confirmChild(client: Requester, childId: string): Promise<void> {
  await client.request(communityRoutes.myChildConfirm(childId), {
    method: 'POST',
    body: {},
  });
}

// ------------------------------------------------------------------ teacher verification

export async function requestVerification(
  client: Requester,
  body: RequestVerificationBody,
): Promise<VerificationRequest> {
  const { request } = await client.request<{ request: VerificationRequest }>(communityRoutes.requestVerification, {
    method: 'POST',
    body,
  });
  return request;
}

export async function listVerifications(
  client: Requester,
  orgId: string,
  options: { status?: RequestStatus } = {},
): Promise<VerificationRequest[]> {
  const { requests } = await client.request<{ requests: VerificationRequest[] }>(communityRoutes.verifications(orgId), {
    query: { status: options.status },
  });
  return requests;
}

export async function decideVerification(
  client: Requester,
  requestId: string,
  decision: 'approve' | 'decline' | 'cancel',
): Promise<VerificationRequest> {
  const { request } = await client.request<{ request: VerificationRequest }>(
    communityRoutes.verificationAction(requestId, decision),
    {
      method: 'POST',
      body: {},
    },
  );
  return request;
}

// ------------------------------------------------------------------ live lists

/** A list loaded from the server, as a store holds it. */
export interface ListState<T> {
  items: T[];
  loading: boolean;
  error: Error | null;
}

/** What `joinRequestsStore` needs: a client with live counters. */
export interface CountersSource extends Requester {
  $counters(orgId: string): ReadableAtom<OrgCounters | null>;
}

export interface JoinRequestsStore extends ReadableAtom<ListState<JoinRequest>> {
  /** Loads the list again now (after a decision, say). */
  reload(): Promise<void>;
}

const joinRequestStores = new WeakMap<CountersSource, Map<string, JoinRequestsStore>>();

/**
 * The organisation's pending join requests (a class teacher gets only its
 * classes'), loaded while watched and reloaded whenever the member's join
 * request counter changes, which the server pushes over the socket.
 */
export function joinRequestsStore(client: CountersSource, orgId: string): JoinRequestsStore {
  let byOrg = joinRequestStores.get(client);
  if (!byOrg) joinRequestStores.set(client, (byOrg = new Map()));
  const held = byOrg.get(orgId);
  if (held) return held;

  const $state = atom<ListState<JoinRequest>>({ items: [], loading: true, error: null });
  let generation = 0;
  const reload = async () => {
    const mine = ++generation;
    $state.set({ ...$state.get(), loading: true, error: null });
    try {
      const items = await listJoinRequests(client, orgId);
      if (mine === generation) $state.set({ items, loading: false, error: null });
    } catch (error) {
      if (mine === generation) {
        $state.set({
          ...$state.get(),
          loading: false,
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    }
  };
  onMount($state, () => {
    let last: number | undefined;
    // The first value (null, or counters already known) starts the first load.
    const unsubscribe = client.$counters(orgId).subscribe((counters) => {
      const count = counters?.joinRequests;
      if (last !== undefined && count === last) return;
      last = count ?? -1;
      void reload();
    });
    return () => {
      generation++;
      unsubscribe();
    };
  });
  const store = Object.assign($state, { reload }) as JoinRequestsStore;
  byOrg.set(orgId, store);
  return store;
}
