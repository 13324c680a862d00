/**
 * The audit log's actions by subject and verb, and its subjects, each with the catalogue key of its name.
 * An action not listed (a newer server) shows as written.
 */
const ACTIONS = {
  auth: {
    login: "audit.actions.authLogin",
    logout: "audit.actions.authLogout",
    login_failed: "audit.actions.authLoginFailed",
    password_reset: "audit.actions.authPasswordReset",
  },
  token: {
    create: "audit.actions.tokenCreate",
    revoke: "audit.actions.tokenRevoke",
  },
  user: {
    update: "audit.actions.userUpdate",
  },
  organization: {
    setup: "audit.actions.organizationSetup",
    update: "audit.actions.organizationUpdate",
  },
  department: {
    create: "audit.actions.departmentCreate",
    update: "audit.actions.departmentUpdate",
    delete: "audit.actions.departmentDelete",
  },
  member: {
    create: "audit.actions.memberCreate",
    update: "audit.actions.memberUpdate",
    password_reset: "audit.actions.memberPasswordReset",
  },
  invitation: {
    create: "audit.actions.invitationCreate",
    accept: "audit.actions.invitationAccept",
  },
  cycle: {
    create: "audit.actions.cycleCreate",
    update: "audit.actions.cycleUpdate",
    phase: "audit.actions.cyclePhase",
  },
  objective: {
    create: "audit.actions.objectiveCreate",
    update: "audit.actions.objectiveUpdate",
    adjust: "audit.actions.objectiveAdjust",
    submit: "audit.actions.objectiveSubmit",
    approve: "audit.actions.objectiveApprove",
    reject: "audit.actions.objectiveReject",
    publish: "audit.actions.objectivePublish",
    close: "audit.actions.objectiveClose",
    align: "audit.actions.objectiveAlign",
    score: "audit.actions.objectiveScore",
    review: "audit.actions.objectiveReview",
    delete: "audit.actions.objectiveDelete",
    restore: "audit.actions.objectiveRestore",
  },
  key_result: {
    create: "audit.actions.keyResultCreate",
    update: "audit.actions.keyResultUpdate",
    adjust: "audit.actions.keyResultAdjust",
    delete: "audit.actions.keyResultDelete",
    check_in: "audit.actions.keyResultCheckIn",
    score: "audit.actions.keyResultScore",
    carry_forward: "audit.actions.keyResultCarryForward",
  },
  adjustment: {
    request: "audit.actions.adjustmentRequest",
    approve: "audit.actions.adjustmentApprove",
    reject: "audit.actions.adjustmentReject",
  },
  comment: {
    create: "audit.actions.commentCreate",
    update: "audit.actions.commentUpdate",
    delete: "audit.actions.commentDelete",
  },
  recognition: {
    create: "audit.actions.recognitionCreate",
  },
  integration: {
    create: "audit.actions.integrationCreate",
    update: "audit.actions.integrationUpdate",
    delete: "audit.actions.integrationDelete",
  },
  one_on_one: {
    create: "audit.actions.oneOnOneCreate",
    update: "audit.actions.oneOnOneUpdate",
    "agenda.add": "audit.actions.oneOnOneAgendaAdd",
    "action_item.add": "audit.actions.oneOnOneActionItemAdd",
    "action_item.update": "audit.actions.oneOnOneActionItemUpdate",
    "private_note.write": "audit.actions.oneOnOnePrivateNoteWrite",
  },
  meeting: {
    create: "audit.actions.meetingCreate",
    update: "audit.actions.meetingUpdate",
    "action_item.create": "audit.actions.meetingActionItemCreate",
    "action_item.update": "audit.actions.meetingActionItemUpdate",
  },
  question: {
    create: "audit.actions.questionCreate",
    answer: "audit.actions.questionAnswer",
  },
  team: {
    nudge: "audit.actions.teamNudge",
  },
  notification_settings: {
    update: "audit.actions.notificationSettingsUpdate",
  },
  calendar_feed: {
    rotate: "audit.actions.calendarFeedRotate",
    delete: "audit.actions.calendarFeedDelete",
  },
  proposal: {
    create: "audit.actions.proposalCreate",
    back: "audit.actions.proposalBack",
    unback: "audit.actions.proposalUnback",
    join: "audit.actions.proposalJoin",
    leave: "audit.actions.proposalLeave",
    withdraw: "audit.actions.proposalWithdraw",
    accept: "audit.actions.proposalAccept",
    reject: "audit.actions.proposalReject",
    spin_off: "audit.actions.proposalSpinOff",
  },
  talent_review: {
    create: "audit.actions.talentReviewCreate",
    update: "audit.actions.talentReviewUpdate",
    read: "audit.actions.talentReviewRead",
  },
} as const;

type ActionKey = {
  [Subject in keyof typeof ACTIONS]: (typeof ACTIONS)[Subject][keyof (typeof ACTIONS)[Subject]];
}[keyof typeof ACTIONS];

/** Every known action (`objective.update`) with the catalogue key of its name: the filter's choices. */
export const AUDIT_ACTION_KEYS: ReadonlyArray<[action: string, key: ActionKey]> = Object.entries(
  ACTIONS,
).flatMap(([subject, verbs]) =>
  Object.entries(verbs).map(([verb, key]): [string, ActionKey] => [`${subject}.${verb}`, key]),
);

export const AUDIT_SUBJECT_KEYS = {
  user: "audit.subjects.user",
  api_token: "audit.subjects.apiToken",
  organization: "audit.subjects.organization",
  department: "audit.subjects.department",
  member: "audit.subjects.member",
  cycle: "audit.subjects.cycle",
  objective: "audit.subjects.objective",
  key_result: "audit.subjects.keyResult",
  adjustment: "audit.subjects.adjustment",
  comment: "audit.subjects.comment",
  recognition: "audit.subjects.recognition",
  integration: "audit.subjects.integration",
  one_on_one: "audit.subjects.oneOnOne",
  meeting: "audit.subjects.meeting",
  meeting_action_item: "audit.subjects.meetingActionItem",
  question: "audit.subjects.question",
  proposal: "audit.subjects.proposal",
  talent_review: "audit.subjects.talentReview",
} as const;

/** The catalogue key naming an action (`subject.verb`), or null for one this app does not know yet. */
export function auditActionKey(action: string): ActionKey | null {
  const dot = action.indexOf(".");
  const subject = action.slice(0, dot);
  const verb = action.slice(dot + 1);
  if (dot < 0 || !Object.hasOwn(ACTIONS, subject)) return null;
  const verbs: Readonly<Record<string, ActionKey>> = ACTIONS[subject as keyof typeof ACTIONS];
  return Object.hasOwn(verbs, verb) ? (verbs[verb] ?? null) : null;
}

/** The catalogue key naming a kind of subject, or null for one this app does not know yet. */
export function auditSubjectKey(
  subjectType: string,
): (typeof AUDIT_SUBJECT_KEYS)[keyof typeof AUDIT_SUBJECT_KEYS] | null {
  return Object.hasOwn(AUDIT_SUBJECT_KEYS, subjectType)
    ? AUDIT_SUBJECT_KEYS[subjectType as keyof typeof AUDIT_SUBJECT_KEYS]
    : null;
}

/**
 * What a sign-in entry adds to who did what: the client's address and, for a failed one, the email tried.
 * Other entries carry emails too (a member added), which are not an attempt: they show neither.
 */
export function auditDetails(entry: { action: string; after: Record<string, unknown> | null }): {
  address: string | null;
  email: string | null;
} {
  const text = (value: unknown) => (typeof value === "string" && value ? value : null);
  if (!entry.action.startsWith("auth.")) return { address: null, email: null };
  return {
    address: text(entry.after?.address),
    email: entry.action === "auth.login_failed" ? text(entry.after?.email) : null,
  };
}
