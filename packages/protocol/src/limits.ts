/** Product rules from the specification. Server enforces; UI mirrors. */
export const limits = {
  messageTextMax: 4096,
  historyPageMax: 100,
  eventsPageMax: 500,
  editWindowMs: 24 * 60 * 60 * 1000,
  forwardMaxChats: 12,
  /** Messages deleted in one request. */
  deleteBatchMax: 100,
  /** Different emoji on one message. */
  reactionsPerMessageMax: 20,
  foldersMax: 15,
  fileMaxBytes: 4 * 1024 ** 3,
  collectionFileMaxBytes: 200 * 1024 ** 2,
  inviteLinkMaxDays: 14,
  inviteLinkMaxUses: 100,
  inviteLinksPerOrgPerDay: 50,
  alphabeticalMembersMax: 100,
  callParticipantsMax: 2000,
  teacherMinAge: 18,
} as const;
