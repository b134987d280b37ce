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
  folderTitleMax: 32,
  chatTitleMax: 128,
  /** People in a group chat created or extended at once. */
  chatAddMax: 200,
  /** Someone typing is shown this long after their last keystroke signal. */
  typingTtlMs: 6000,
  /** Read positions, confirmations and typing go out at most once per chat per this interval. */
  receiptsBatchMs: 1000,
  /** Characters of the quoted text a reply carries. */
  replyPreviewMax: 200,
  fileMaxBytes: 4 * 1024 ** 3,
  collectionFileMaxBytes: 200 * 1024 ** 2,
  inviteLinkMaxDays: 14,
  inviteLinkMaxUses: 100,
  inviteLinksPerOrgPerDay: 50,
  alphabeticalMembersMax: 100,
  callParticipantsMax: 2000,
  teacherMinAge: 18,
} as const;
