/**
 * The protocol's enumerations and codes as plain values, without the schema library
 * (which the schemas built from them in entities.ts, community.ts use), so the
 * widgets' pages import them at no cost.
 */

export const chatKinds = ['direct', 'group', 'class', 'parents', 'teachers_room', 'channel', 'saved'] as const;

export const chatMemberRoles = ['owner', 'admin', 'member'] as const;

/** Badges a teacher or a chat administrator gives a member (SPEC §5, «Хочу всё знать»). */
export const awardBadges = ['curious', 'helper', 'star', 'creative', 'leader'] as const;

/** Timers for disappearing messages, in seconds: half a minute, an hour, a day, a week. */
export const disappearTimers = [30, 3600, 86_400, 604_800] as const;

export const requestStatuses = ['pending', 'approved', 'declined', 'cancelled'] as const;

export const sexes = ['male', 'female'] as const;

/** WebSocket close codes the server uses, in the private 4000–4999 range. */
export const CloseCode = {
  Unauthorized: 4001,
  TokenExpired: 4002,
  BadFrame: 4003,
  Removed: 4004,
} as const;
