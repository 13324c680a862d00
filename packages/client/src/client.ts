import type {
  actionItemInputSchema,
  actionItemPatchSchema,
  agendaItemInputSchema,
  alignmentInputSchema,
  auditQuerySchema,
  CyclePhase,
  checkInInputSchema,
  coachReviewInputSchema,
  commentInputSchema,
  cycleInputSchema,
  cyclePatchSchema,
  departmentInputSchema,
  departmentPatchSchema,
  integrationInputSchema,
  integrationPatchSchema,
  invitationAcceptInputSchema,
  invitationInputSchema,
  keyResultInputSchema,
  keyResultPatchSchema,
  loginInputSchema,
  meetingActionItemInputSchema,
  meetingActionItemPatchSchema,
  meetingInputSchema,
  meetingPatchSchema,
  memberInputSchema,
  memberPatchSchema,
  notificationSettingsInputSchema,
  objectiveInputSchema,
  objectiveListQuerySchema,
  objectivePatchSchema,
  objectiveSaveSchema,
  oneOnOneInputSchema,
  oneOnOnePatchSchema,
  orgPatchSchema,
  passwordResetConfirmSchema,
  profilePatchSchema,
  proposalInputSchema,
  proposalListQuerySchema,
  questionInputSchema,
  raceQuerySchema,
  recognitionInputSchema,
  recordQuerySchema,
  reviewInputSchema,
  scoreInputSchema,
  setupInputSchema,
  spinOffInputSchema,
  talentReviewInputSchema,
  talentReviewListQuerySchema,
  talentReviewPatchSchema,
  webhookInputSchema,
} from "@luodi/core";
import type { z } from "zod";
import { ApiError, type ApiErrorDetail, NetworkError } from "./errors.ts";
import type {
  Adjustment,
  ApiToken,
  ApiTokenInfo,
  AuditPage,
  CalendarFeed,
  CalendarFeedSecret,
  CheckIn,
  CheckInPage,
  CheckInResult,
  CoachReview,
  Comment,
  CommentHistory,
  CommentPage,
  CommentSubjectType,
  Cycle,
  CycleDashboard,
  CycleRollout,
  CycleTree,
  Department,
  HistoryEntry,
  Integration,
  IntegrationTestResult,
  Invitation,
  InvitationLink,
  KeyResult,
  KeyResultPending,
  LoginResult,
  Meeting,
  MeetingActionItem,
  MeetingAgenda,
  MeetingPage,
  Member,
  MemberPage,
  MyActionItem,
  NotificationDeliveryList,
  NotificationList,
  NotificationSettings,
  Objective,
  ObjectiveDetail,
  ObjectiveHistoryPage,
  ObjectivePage,
  OneOnOne,
  OneOnOnePage,
  Organization,
  PasswordResetLink,
  PersonRecord,
  Proposal,
  ProposalPage,
  Question,
  QuestionPage,
  Race,
  Recognition,
  RecognitionPage,
  SessionInfo,
  SessionStatus,
  SetupResult,
  SpinOffResult,
  SsoStatus,
  TalentReview,
  TalentReviewPage,
  Team,
  TeamInsights,
  TreeNodePage,
  TreePath,
  User,
  Webhook,
  WebhookCreated,
  WebhookDelivery,
  WebhookDeliveryList,
} from "./types.ts";

/** Inputs are what the server's zod schemas accept (before their transforms). */
export type SetupInput = z.input<typeof setupInputSchema>;
export type LoginInput = z.input<typeof loginInputSchema>;
export type AuditQuery = Omit<z.input<typeof auditQuerySchema>, "limit"> & { limit?: number };
export type ProfilePatch = z.input<typeof profilePatchSchema>;
export type OrgPatch = z.input<typeof orgPatchSchema>;
export type DepartmentInput = z.input<typeof departmentInputSchema>;
export type DepartmentPatch = z.input<typeof departmentPatchSchema>;
/** A chat channel (Feishu/Lark, DingTalk, WeCom, Slack, Teams) and the notification kinds it receives. */
export type IntegrationInput = z.input<typeof integrationInputSchema>;
/** Absent fields are kept (the webhook URL and secret too); `secret: null` removes the secret. */
export type IntegrationPatch = z.input<typeof integrationPatchSchema>;
/** An outbound webhook: the address, the events it subscribes to, and optionally its signing secret. */
export type WebhookInput = z.input<typeof webhookInputSchema>;
export type MemberInput = z.input<typeof memberInputSchema>;
export type MemberPatch = z.input<typeof memberPatchSchema>;
/** One person to invite: a member's fields without a password. */
export type InvitationInput = z.input<typeof invitationInputSchema>;
export type InvitationAcceptInput = z.input<typeof invitationAcceptInputSchema>;
export type PasswordResetConfirmInput = z.input<typeof passwordResetConfirmSchema>;
export type CycleInput = z.input<typeof cycleInputSchema>;
export type CyclePatch = z.input<typeof cyclePatchSchema>;
export type ObjectiveInput = z.input<typeof objectiveInputSchema>;
export type ObjectivePatch = z.input<typeof objectivePatchSchema>;
/** The whole objective with its KRs, for PUT /objectives/:id (KRs with `id` updated, without created). */
export type ObjectiveSaveInput = z.input<typeof objectiveSaveSchema>;
export type ObjectiveListQuery = Omit<
  z.input<typeof objectiveListQuerySchema>,
  "includeDeleted" | "limit" | "cursor"
> & {
  includeDeleted?: boolean;
};
/** `GET /members`: by name or email (`q`), in a department; `members.page` pages them. */
export type MemberListQuery = { q?: string; departmentId?: string };
export type KeyResultInput = z.input<typeof keyResultInputSchema>;
export type KeyResultPatch = z.input<typeof keyResultPatchSchema>;
export type AlignmentInput = z.input<typeof alignmentInputSchema>;
export type CheckInInput = z.input<typeof checkInInputSchema>;
export type ScoreInput = z.input<typeof scoreInputSchema>;
export type ReviewInput = z.input<typeof reviewInputSchema>;
export type CoachReviewInput = z.input<typeof coachReviewInputSchema>;
export type CommentInput = z.input<typeof commentInputSchema>;
export type RecognitionInput = z.input<typeof recognitionInputSchema>;
export type RecordQuery = z.input<typeof recordQuerySchema>;
export type TalentReviewInput = z.input<typeof talentReviewInputSchema>;
/** Title, the next status, and people placed (each replacing that person's place). */
export type TalentReviewPatch = z.input<typeof talentReviewPatchSchema>;
export type TalentReviewListQuery = Omit<z.input<typeof talentReviewListQuerySchema>, "limit"> & {
  limit?: number;
};
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingPatch = z.input<typeof meetingPatchSchema>;
export type ProposalInput = z.input<typeof proposalInputSchema>;
export type ProposalListQuery = Omit<z.input<typeof proposalListQuerySchema>, "limit"> & { limit?: number };
export type RaceQuery = z.input<typeof raceQuerySchema>;
export type SpinOffInput = z.input<typeof spinOffInputSchema>;
export type MeetingActionItemInput = z.input<typeof meetingActionItemInputSchema>;
export type MeetingActionItemPatch = z.input<typeof meetingActionItemPatchSchema>;
export type QuestionInput = z.input<typeof questionInputSchema>;
export type OneOnOneInput = z.input<typeof oneOnOneInputSchema>;
export type OneOnOnePatch = z.input<typeof oneOnOnePatchSchema>;
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;
export type ActionItemInput = z.input<typeof actionItemInputSchema>;
export type ActionItemPatch = z.input<typeof actionItemPatchSchema>;
/** What comments are written on: an objective, a key result or a check-in. */
export type CommentSubject = { type: CommentSubjectType; id: string };
/** `?limit=&cursor=` of a list that grows; `cursor` is the `nextCursor` of the page before. */
export type PageQuery = { limit?: number; cursor?: string | undefined };
/** `tree/nodes`: whose children (the roots without `parentId`), or a title search (`q`), a page at a time. */
export type TreeNodesQuery = {
  parentId?: string | undefined;
  q?: string | undefined;
  departmentId?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
};

const COMMENT_PATHS: Record<CommentSubjectType, string> = {
  objective: "objectives",
  key_result: "key-results",
  check_in: "check-ins",
};
export type NotificationSettingsInput = z.input<typeof notificationSettingsInputSchema>;

export type ClientOptions = {
  /** Origin of the server, e.g. `http://127.0.0.1:3000`; empty (the default) for the page's own origin. */
  baseUrl?: string;
  /** The language the user reads, sent as Accept-Language so that error messages come back in it. */
  locale?: () => string | undefined;
  /** The organization to act in (X-Org-Id); the server picks the user's first when absent. */
  orgId?: () => string | undefined;
  /** A personal API token (scripts); browsers use the session cookie instead. */
  token?: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof globalThis.fetch;
  /** Give up on a request after this long and report a NetworkError. */
  timeoutMs?: number;
  /** Told about every 401, so an app can send the user back to sign-in when the session ends. */
  onUnauthorized?: (error: ApiError) => void;
};

type RequestOptions = {
  body?: unknown;
  /** Extra headers, e.g. `If-Match` with the version a write is based on. */
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal | undefined;
};

/** Gateways answer these when the server behind them is down: for the user that is "cannot reach". */
const GATEWAY_DOWN = new Set([502, 503, 504]);

function isErrorBody(
  value: unknown,
): value is { error: { code: string; message: string; details?: ApiErrorDetail[] } } {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** A page's query: `limit` always (50 unless given), so the server answers a page, never the bare list. */
function pageParams(page: PageQuery): { limit: number; cursor?: string } {
  return { limit: page.limit ?? 50, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/**
 * A typed client of the Luodi API (`/api/v1`). It runs in browsers and in Node (global fetch): failed
 * answers throw {@link ApiError}, unreachable servers {@link NetworkError}.
 */
export function createClient(options: ClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? "").replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function request<T>(method: string, path: string, init: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { ...init.headers, accept: "application/json" };
    const locale = options.locale?.();
    if (locale) headers["accept-language"] = locale;
    const orgId = options.orgId?.();
    if (orgId) headers["x-org-id"] = orgId;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
    }
    const query = search.size > 0 ? `?${search.toString()}` : "";
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;

    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(`${baseUrl}/api/v1${path}${query}`, {
        method,
        headers,
        credentials: "include",
        signal,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
    } catch (error) {
      // The caller's own cancellation is not a failure of the network: let it through as it is.
      if (init.signal?.aborted) throw error;
      const message = isAbort(error) ? `No answer within ${timeoutMs} ms` : "The server cannot be reached";
      throw new NetworkError(message, { cause: error });
    }

    const text = await response.text().catch(() => "");
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (response.ok) {
      if (!text) return undefined as T;
      if (body === undefined) throw new ApiError(response.status, "response.invalid", "Not a JSON answer");
      return body as T;
    }
    if (isErrorBody(body)) {
      const error = new ApiError(
        response.status,
        body.error.code,
        body.error.message,
        Array.isArray(body.error.details) ? body.error.details : [],
      );
      if (response.status === 401) options.onUnauthorized?.(error);
      throw error;
    }
    if (GATEWAY_DOWN.has(response.status)) {
      throw new NetworkError(`The server is unavailable (${response.status})`);
    }
    throw new ApiError(response.status, "response.invalid", response.statusText || `HTTP ${response.status}`);
  }

  const get = <T>(path: string, query?: RequestOptions["query"], signal?: AbortSignal) =>
    request<T>("GET", path, { query, signal });
  const send = <T>(method: string, path: string, body?: unknown) => request<T>(method, path, { body });
  const id = encodeURIComponent;

  return {
    /** The raw call, for endpoints this client does not wrap yet. */
    request,
    setup: {
      status: (signal?: AbortSignal) => get<{ needed: boolean }>("/setup", undefined, signal),
      run: (input: SetupInput) => send<SetupResult>("POST", "/setup", input),
    },
    auth: {
      login: (input: LoginInput) => send<LoginResult>("POST", "/auth/login", input),
      logout: () => send<void>("POST", "/auth/logout"),
      /** Whether anyone is signed in: 200 either way, so a signed-out page load meets no 401. */
      session: (signal?: AbortSignal) => get<SessionStatus>("/session", undefined, signal),
      /** What the sign-in page offers: single sign-on (and its button's name), whether passwords are off. */
      sso: (signal?: AbortSignal) => get<SsoStatus>("/auth/oidc", undefined, signal),
      me: (signal?: AbortSignal) => get<SessionInfo>("/me", undefined, signal),
      updateProfile: (patch: ProfilePatch) => send<{ user: User | null }>("PATCH", "/me", patch),
      /** My team in a cycle: direct reports, or everyone below the caller with `indirect`. */
      team: (cycleId: string, indirect = false, signal?: AbortSignal) =>
        get<Team>("/me/team", { cycleId, indirect: indirect ? "true" : undefined }, signal),
      /** Reminds one of the caller's reports to check in; `nudged: false` when reminded in the last 12 hours. */
      nudge: (userId: string, cycleId: string) =>
        send<{ nudged: boolean }>("POST", "/me/team/nudges", { userId, cycleId }),
      /** A personal API token, shown once; `expiresAt` (ISO instant) makes it stop working then. */
      createToken: (name: string, expiresAt?: string) =>
        send<ApiToken>("POST", "/tokens", expiresAt ? { name, expiresAt } : { name }),
      /** The caller's tokens that still work (never their secret). */
      listTokens: (signal?: AbortSignal) => get<ApiTokenInfo[]>("/tokens", undefined, signal),
      /** Revokes one of the caller's tokens; it stops working at once. */
      revokeToken: (tokenId: string) => send<void>("DELETE", `/tokens/${id(tokenId)}`),
      /** 忘记密码: 202 whether or not the email is known; a link is emailed when it is. */
      requestPasswordReset: (email: string) => send<void>("POST", "/auth/password-reset", { email }),
      /** Sets a new password with a reset link's secret, and signs in. */
      confirmPasswordReset: (input: PasswordResetConfirmInput) =>
        send<LoginResult>("POST", "/auth/password-reset/confirm", input),
    },
    invitations: {
      /** Invites one person (admins); the answer's link is also emailed when the server sends mail. */
      create: (input: InvitationInput) => send<InvitationLink>("POST", "/invitations", input),
      /** Invites several at once, all or none. */
      createMany: (items: InvitationInput[]) =>
        send<{ items: InvitationLink[] }>("POST", "/invitations", { items }),
      /** Who invites whom to what, from the link's secret. */
      get: (token: string, signal?: AbortSignal) =>
        get<Invitation>(`/invitations/${id(token)}`, undefined, signal),
      /** Accepts: chooses a password (or gives an existing one), and signs in. */
      accept: (token: string, input: InvitationAcceptInput) =>
        send<LoginResult>("POST", `/invitations/${id(token)}/accept`, input),
    },
    org: {
      get: (signal?: AbortSignal) => get<Organization>("/org", undefined, signal),
      update: (patch: OrgPatch) => send<Organization>("PATCH", "/org", patch),
    },
    departments: {
      list: (signal?: AbortSignal) => get<Department[]>("/departments", undefined, signal),
      create: (input: DepartmentInput) => send<Department>("POST", "/departments", input),
      update: (departmentId: string, patch: DepartmentPatch) =>
        send<Department>("PATCH", `/departments/${id(departmentId)}`, patch),
      remove: (departmentId: string) => send<void>("DELETE", `/departments/${id(departmentId)}`),
      /** Team insights (人才密度) of the department's subtree in a cycle; 404 to all but its leaders above and admins. */
      insights: (departmentId: string, cycleId: string, signal?: AbortSignal) =>
        get<TeamInsights>(`/departments/${id(departmentId)}/insights`, { cycleId }, signal),
    },
    integrations: {
      /** The organization's chat channels (admins): secrets never come back, webhook URLs only masked. */
      list: (signal?: AbortSignal) => get<Integration[]>("/integrations", undefined, signal),
      create: (input: IntegrationInput) => send<Integration>("POST", "/integrations", input),
      update: (integrationId: string, patch: IntegrationPatch) =>
        send<Integration>("PATCH", `/integrations/${id(integrationId)}`, patch),
      remove: (integrationId: string) => send<void>("DELETE", `/integrations/${id(integrationId)}`),
      /** Sends a test message; 200 with `ok: false` and the platform's error when the platform refused it. */
      test: (integrationId: string) =>
        send<IntegrationTestResult>("POST", `/integrations/${id(integrationId)}/test`),
    },
    /** Outbound webhooks (admins): signed deliveries of events to the company's own systems. */
    webhooks: {
      list: (signal?: AbortSignal) => get<Webhook[]>("/webhooks", undefined, signal),
      /** Without `secret` the server makes one: the answer holds it this once. */
      create: (input: WebhookInput) => send<WebhookCreated>("POST", "/webhooks", input),
      remove: (webhookId: string) => send<void>("DELETE", `/webhooks/${id(webhookId)}`),
      deliveries: (
        webhookId: string,
        query: { status?: "pending" | "sent" | "failed"; cursor?: string } = {},
        signal?: AbortSignal,
      ) => get<WebhookDeliveryList>(`/webhooks/${id(webhookId)}/deliveries`, query, signal),
      redeliver: (webhookId: string, deliveryId: string) =>
        send<WebhookDelivery>("POST", `/webhooks/${id(webhookId)}/deliveries/${id(deliveryId)}/redeliver`),
      ping: (webhookId: string) => send<WebhookDelivery>("POST", `/webhooks/${id(webhookId)}/ping`),
    },
    audit: {
      /** Admins: a page of the organization's audit log, newest first; `nextCursor` asks for the next. */
      list: (query: AuditQuery = {}, signal?: AbortSignal) => get<AuditPage>("/audit", query, signal),
    },
    members: {
      list: (signal?: AbortSignal) => get<Member[]>("/members", undefined, signal),
      /** The members among these user ids (at most 200), by name: the names a screen shows. */
      named: (userIds: readonly string[], signal?: AbortSignal) =>
        get<Member[]>("/members", { ids: userIds.join(",") }, signal),
      /** One page of members by name, found by `q` (name or email) or department; `nextCursor` for the next. */
      page: (query: MemberListQuery & PageQuery = {}, signal?: AbortSignal) =>
        get<MemberPage>("/members", { ...query, ...pageParams(query) }, signal),
      create: (input: MemberInput) => send<Member>("POST", "/members", input),
      update: (userId: string, patch: MemberPatch) => send<Member>("PATCH", `/members/${id(userId)}`, patch),
      /** Admins: the member's password stops working; the answer's link lets them set a new one. */
      resetPassword: (userId: string) =>
        send<PasswordResetLink>("POST", `/members/${id(userId)}/password-reset`),
    },
    /** People and talent density (人才密度). */
    people: {
      /** A person's OKR record across cycles; 404 to all but the person, their manager chain and admins. */
      record: (userId: string, query: RecordQuery = {}, signal?: AbortSignal) =>
        get<PersonRecord>(`/people/${id(userId)}/record`, query, signal),
    },
    /** Talent reviews (人才盘点): confidential; 404 to all but the department's leaders above and admins. */
    talentReviews: {
      list: (query: TalentReviewListQuery = {}, signal?: AbortSignal) =>
        get<TalentReviewPage>("/talent-reviews", query, signal),
      create: (input: TalentReviewInput) => send<TalentReview>("POST", "/talent-reviews", input),
      get: (reviewId: string, signal?: AbortSignal) =>
        get<TalentReview>(`/talent-reviews/${id(reviewId)}`, undefined, signal),
      update: (reviewId: string, patch: TalentReviewPatch) =>
        send<TalentReview>("PATCH", `/talent-reviews/${id(reviewId)}`, patch),
    },
    cycles: {
      list: (signal?: AbortSignal) => get<Cycle[]>("/cycles", undefined, signal),
      get: (cycleId: string, signal?: AbortSignal) => get<Cycle>(`/cycles/${id(cycleId)}`, undefined, signal),
      create: (input: CycleInput) => send<Cycle>("POST", "/cycles", input),
      update: (cycleId: string, patch: CyclePatch) => send<Cycle>("PATCH", `/cycles/${id(cycleId)}`, patch),
      advancePhase: (cycleId: string, phase: CyclePhase) =>
        send<Cycle>("POST", `/cycles/${id(cycleId)}/phase`, { phase }),
      tree: (cycleId: string, departmentId?: string, signal?: AbortSignal) =>
        get<CycleTree>(`/cycles/${id(cycleId)}/tree`, { departmentId }, signal),
      /** One page of the map: the children of `parentId` (the roots without it), or the titles holding `q`. */
      treeNodes: (cycleId: string, query: TreeNodesQuery = {}, signal?: AbortSignal) =>
        get<TreeNodePage>(`/cycles/${id(cycleId)}/tree/nodes`, query, signal),
      /** The nodes above an objective on the map, root first, so it can be opened in place. */
      treePath: (cycleId: string, objectiveId: string, departmentId?: string, signal?: AbortSignal) =>
        get<TreePath>(`/cycles/${id(cycleId)}/tree/path`, { objectiveId, departmentId }, signal),
      dashboard: (cycleId: string, departmentId?: string, signal?: AbortSignal) =>
        get<CycleDashboard>(`/cycles/${id(cycleId)}/dashboard`, { departmentId }, signal),
      rollout: (cycleId: string, departmentId?: string, signal?: AbortSignal) =>
        get<CycleRollout>(`/cycles/${id(cycleId)}/rollout`, { departmentId }, signal),
    },
    adjustments: {
      list: (objectiveId: string, signal?: AbortSignal) =>
        get<Adjustment[]>(`/objectives/${id(objectiveId)}/adjustments`, undefined, signal),
      approve: (adjustmentId: string) =>
        send<ObjectiveDetail>("POST", `/adjustments/${id(adjustmentId)}/approve`),
      reject: (adjustmentId: string, reason: string) =>
        send<ObjectiveDetail>("POST", `/adjustments/${id(adjustmentId)}/reject`, { reason }),
    },
    objectives: {
      /** The objectives the caller may see, oldest first: at most the first 1,000; `page` reads them all. */
      list: (query: ObjectiveListQuery = {}, signal?: AbortSignal) =>
        get<Objective[]>(
          "/objectives",
          {
            ...query,
            includeDeleted: query.includeDeleted === undefined ? undefined : String(query.includeDeleted),
          },
          signal,
        ),
      /** One page of the objectives the caller may see, oldest first; pass `nextCursor` back as `cursor`. */
      page: (query: ObjectiveListQuery & PageQuery = {}, signal?: AbortSignal) =>
        get<ObjectivePage>(
          "/objectives",
          {
            ...query,
            includeDeleted: query.includeDeleted === undefined ? undefined : String(query.includeDeleted),
            ...pageParams(query),
          },
          signal,
        ),
      /**
       * Every objective the caller may see that matches, read page by page (200 a page): the unpaged list
       * stops at 1,000, which a large company's cycle passes.
       */
      all: async (query: ObjectiveListQuery = {}, signal?: AbortSignal): Promise<Objective[]> => {
        const items: Objective[] = [];
        let cursor: string | undefined;
        do {
          const page = await get<ObjectivePage>(
            "/objectives",
            {
              ...query,
              includeDeleted: query.includeDeleted === undefined ? undefined : String(query.includeDeleted),
              ...pageParams({ limit: 200, ...(cursor ? { cursor } : {}) }),
            },
            signal,
          );
          items.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return items;
      },
      get: (objectiveId: string, signal?: AbortSignal) =>
        get<ObjectiveDetail>(`/objectives/${id(objectiveId)}`, undefined, signal),
      create: (input: ObjectiveInput) => send<ObjectiveDetail>("POST", "/objectives", input),
      update: (objectiveId: string, patch: ObjectivePatch) =>
        send<ObjectiveDetail>("PATCH", `/objectives/${id(objectiveId)}`, patch),
      /**
       * Saves the whole objective with its KRs in one transaction, on top of `version` (If-Match): 409 when
       * someone changed it meanwhile. A 202 (the save waits for approval) answers the objective unchanged,
       * with the adjustment under `pendingAdjustments`.
       */
      save: (objectiveId: string, input: ObjectiveSaveInput, version: number) =>
        request<ObjectiveDetail>("PUT", `/objectives/${id(objectiveId)}`, {
          body: input,
          headers: { "if-match": String(version) },
        }),
      remove: (objectiveId: string) => send<void>("DELETE", `/objectives/${id(objectiveId)}`),
      restore: (objectiveId: string) =>
        send<ObjectiveDetail>("POST", `/objectives/${id(objectiveId)}/restore`),
      submit: (objectiveId: string) => send<ObjectiveDetail>("POST", `/objectives/${id(objectiveId)}/submit`),
      approve: (objectiveId: string) =>
        send<ObjectiveDetail>("POST", `/objectives/${id(objectiveId)}/approve`),
      reject: (objectiveId: string, reason: string) =>
        send<ObjectiveDetail>("POST", `/objectives/${id(objectiveId)}/reject`, { reason }),
      publish: (objectiveId: string) =>
        send<ObjectiveDetail>("POST", `/objectives/${id(objectiveId)}/publish`),
      align: (objectiveId: string, input: AlignmentInput) =>
        send<ObjectiveDetail>("PUT", `/objectives/${id(objectiveId)}/alignment`, input),
      score: (objectiveId: string, input: ScoreInput) =>
        send<ObjectiveDetail>("POST", `/objectives/${id(objectiveId)}/score`, input),
      review: (objectiveId: string, input: ReviewInput) =>
        send<ObjectiveDetail>("PUT", `/objectives/${id(objectiveId)}/review`, input),
      /** The objective's history, oldest first: the newest 500 entries; `historyPage` reads further back. */
      history: (objectiveId: string, signal?: AbortSignal) =>
        get<{ entries: HistoryEntry[] }>(`/objectives/${id(objectiveId)}/history`, undefined, signal),
      /** One page of the objective's history, newest first; pass `nextCursor` back as `cursor`. */
      historyPage: (objectiveId: string, page: PageQuery = {}, signal?: AbortSignal) =>
        get<ObjectiveHistoryPage>(`/objectives/${id(objectiveId)}/history`, pageParams(page), signal),
    },
    keyResults: {
      create: (objectiveId: string, input: KeyResultInput) =>
        send<KeyResult>("POST", `/objectives/${id(objectiveId)}/key-results`, input),
      get: (keyResultId: string, signal?: AbortSignal) =>
        get<KeyResult>(`/key-results/${id(keyResultId)}`, undefined, signal),
      update: (keyResultId: string, patch: KeyResultPatch) =>
        // 202 (the org requires approval): the KR unchanged, with the adjustment that waits.
        send<KeyResultPending>("PATCH", `/key-results/${id(keyResultId)}`, patch),
      remove: (keyResultId: string) => send<void>("DELETE", `/key-results/${id(keyResultId)}`),
      /**
       * Appends a check-in. With `idempotencyKey` (a UUID made once per check-in, sent again on retries) a
       * retry within 24 hours answers the first answer and creates nothing.
       */
      checkIn: (keyResultId: string, input: CheckInInput, idempotencyKey?: string) =>
        request<CheckInResult>("POST", `/key-results/${id(keyResultId)}/check-ins`, {
          body: input,
          ...(idempotencyKey ? { headers: { "idempotency-key": idempotencyKey } } : {}),
        }),
      /** The newest check-ins of a KR (at most 200, newest first); `checkInPage` reads further back. */
      checkIns: (keyResultId: string, signal?: AbortSignal) =>
        get<CheckIn[]>(`/key-results/${id(keyResultId)}/check-ins`, undefined, signal),
      /** One page of a KR's check-ins, newest first; pass `nextCursor` back as `cursor` for the next. */
      checkInPage: (
        keyResultId: string,
        page: { limit?: number; cursor?: string } = {},
        signal?: AbortSignal,
      ) =>
        get<CheckInPage>(
          `/key-results/${id(keyResultId)}/check-ins`,
          { limit: page.limit ?? 50, ...(page.cursor ? { cursor: page.cursor } : {}) },
          signal,
        ),
    },
    coach: {
      review: (input: CoachReviewInput, signal?: AbortSignal) =>
        request<CoachReview>("POST", "/coach/review", { body: input, signal }),
    },
    comments: {
      /** One page of the comments on an objective, a KR or a check-in, oldest first. */
      list: (subject: CommentSubject, query: PageQuery = {}, signal?: AbortSignal) =>
        get<CommentPage>(`/${COMMENT_PATHS[subject.type]}/${id(subject.id)}/comments`, query, signal),
      /** A comment, or with `parentId` a reply; mention someone as `@[name](user:ID)`. */
      create: (subject: CommentSubject, input: CommentInput) =>
        send<Comment>("POST", `/${COMMENT_PATHS[subject.type]}/${id(subject.id)}/comments`, input),
      get: (commentId: string, signal?: AbortSignal) =>
        get<Comment>(`/comments/${id(commentId)}`, undefined, signal),
      /** Its author or an admin: the earlier text is kept in its history. */
      update: (commentId: string, body: string) =>
        send<Comment>("PATCH", `/comments/${id(commentId)}`, { body }),
      /** Its author or an admin: it stays in the thread, shown as deleted. */
      remove: (commentId: string) => send<void>("DELETE", `/comments/${id(commentId)}`),
      history: (commentId: string, signal?: AbortSignal) =>
        get<CommentHistory>(`/comments/${id(commentId)}/history`, undefined, signal),
      /** Adds the caller's reaction (one of a kind per person); answers the comment with its new counts. */
      react: (commentId: string, emoji: string) =>
        send<Comment>("PUT", `/comments/${id(commentId)}/reactions/${id(emoji)}`),
      unreact: (commentId: string, emoji: string) =>
        send<Comment>("DELETE", `/comments/${id(commentId)}/reactions/${id(emoji)}`),
    },
    recognitions: {
      /** The organization's praise, newest first; `userId` keeps what that person received. */
      list: (query: PageQuery & { userId?: string } = {}, signal?: AbortSignal) =>
        get<RecognitionPage>("/recognitions", query, signal),
      create: (input: RecognitionInput) => send<Recognition>("POST", "/recognitions", input),
    },
    /** Meetings (会议) and their generated agenda and action items. */
    meetings: {
      list: (query: PageQuery & { cycleId?: string } = {}, signal?: AbortSignal) =>
        get<MeetingPage>("/meetings", query, signal),
      create: (input: MeetingInput) => send<Meeting>("POST", "/meetings", input),
      get: (meetingId: string, signal?: AbortSignal) =>
        get<Meeting>(`/meetings/${id(meetingId)}`, undefined, signal),
      /** One status step forward (`in_progress` freezes the agenda), minutes, decisions. */
      update: (meetingId: string, patch: MeetingPatch) =>
        send<Meeting>("PATCH", `/meetings/${id(meetingId)}`, patch),
      agenda: (meetingId: string, signal?: AbortSignal) =>
        get<MeetingAgenda>(`/meetings/${id(meetingId)}/agenda`, undefined, signal),
      actionItems: (meetingId: string, signal?: AbortSignal) =>
        get<{ items: MeetingActionItem[] }>(`/meetings/${id(meetingId)}/action-items`, undefined, signal),
      addActionItem: (meetingId: string, input: MeetingActionItemInput) =>
        send<MeetingActionItem>("POST", `/meetings/${id(meetingId)}/action-items`, input),
      updateActionItem: (itemId: string, patch: MeetingActionItemPatch) =>
        send<MeetingActionItem>("PATCH", `/action-items/${id(itemId)}`, patch),
      /** The caller's open action items from every meeting, the soonest due first. */
      mine: (signal?: AbortSignal) => get<{ items: MyActionItem[] }>("/me/action-items", undefined, signal),
      /** Whether the caller has a calendar feed link. */
      calendarFeed: (signal?: AbortSignal) => get<CalendarFeed>("/me/calendar-feed", undefined, signal),
      /** A new calendar feed link (the old one stops working); the secret is shown this once. */
      rotateCalendarFeed: () => send<CalendarFeedSecret>("POST", "/me/calendar-feed"),
      /** Turns the calendar feed off. */
      stopCalendarFeed: () => send<void>("DELETE", "/me/calendar-feed"),
    },
    /** CEO 面对面 questions: anyone asks (optionally anonymously), votes once; the CEO or an admin answers. */
    questions: {
      list: (query: PageQuery & { meetingId?: string; open?: "true" } = {}, signal?: AbortSignal) =>
        get<QuestionPage>("/questions", query, signal),
      ask: (input: QuestionInput) => send<Question>("POST", "/questions", input),
      vote: (questionId: string) => send<Question>("PUT", `/questions/${id(questionId)}/vote`),
      unvote: (questionId: string) => send<Question>("DELETE", `/questions/${id(questionId)}/vote`),
      answer: (questionId: string, body: string) =>
        send<Question>("PUT", `/questions/${id(questionId)}/answer`, { body }),
    },
    /** 赛马: proposals (提案), their decision, races and spin-offs (独立成军). Every write answers the proposal. */
    proposals: {
      list: (query: ProposalListQuery = {}, signal?: AbortSignal) =>
        get<ProposalPage>("/proposals", query, signal),
      create: (input: ProposalInput) => send<Proposal>("POST", "/proposals", input),
      get: (proposalId: string, signal?: AbortSignal) =>
        get<Proposal>(`/proposals/${id(proposalId)}`, undefined, signal),
      back: (proposalId: string) => send<Proposal>("POST", `/proposals/${id(proposalId)}/back`),
      unback: (proposalId: string) => send<Proposal>("POST", `/proposals/${id(proposalId)}/unback`),
      join: (proposalId: string) => send<Proposal>("POST", `/proposals/${id(proposalId)}/join`),
      leave: (proposalId: string) => send<Proposal>("POST", `/proposals/${id(proposalId)}/leave`),
      withdraw: (proposalId: string) => send<Proposal>("POST", `/proposals/${id(proposalId)}/withdraw`),
      /** Makes it a published objective of the proposer aligned to the parent; the answer has `objectiveId`. */
      accept: (proposalId: string) => send<Proposal>("POST", `/proposals/${id(proposalId)}/accept`),
      reject: (proposalId: string, reason: string) =>
        send<Proposal>("POST", `/proposals/${id(proposalId)}/reject`, { reason }),
      spinOff: (proposalId: string, input: SpinOffInput) =>
        send<SpinOffResult>("POST", `/proposals/${id(proposalId)}/spin-off`, input),
      /** The proposals racing for one parent, in leaderboard order. */
      race: (query: RaceQuery, signal?: AbortSignal) => get<Race>("/races", query, signal),
    },
    /** 1:1s (一对一): only their two participants may read them; every write answers the whole 1:1. */
    oneOnOnes: {
      /** The caller's 1:1s (as manager or as report), newest first; `withUserId` keeps those with that person. */
      list: (query: PageQuery & { withUserId?: string } = {}, signal?: AbortSignal) =>
        get<OneOnOnePage>("/one-on-ones", query, signal),
      create: (input: OneOnOneInput) => send<OneOnOne>("POST", "/one-on-ones", input),
      get: (oneOnOneId: string, signal?: AbortSignal) =>
        get<OneOnOne>(`/one-on-ones/${id(oneOnOneId)}`, undefined, signal),
      /** Time, title, status (scheduled → done), shared notes. */
      update: (oneOnOneId: string, patch: OneOnOnePatch) =>
        send<OneOnOne>("PATCH", `/one-on-ones/${id(oneOnOneId)}`, patch),
      addAgendaItem: (oneOnOneId: string, input: AgendaItemInput) =>
        send<OneOnOne>("POST", `/one-on-ones/${id(oneOnOneId)}/agenda`, input),
      setAgendaItemDiscussed: (oneOnOneId: string, itemId: string, discussed: boolean) =>
        send<OneOnOne>("PATCH", `/one-on-ones/${id(oneOnOneId)}/agenda/${id(itemId)}`, { discussed }),
      removeAgendaItem: (oneOnOneId: string, itemId: string) =>
        send<OneOnOne>("DELETE", `/one-on-ones/${id(oneOnOneId)}/agenda/${id(itemId)}`),
      /** The caller's own note: answered only to them, as `myPrivateNote`. */
      writePrivateNote: (oneOnOneId: string, body: string) =>
        send<OneOnOne>("PUT", `/one-on-ones/${id(oneOnOneId)}/private-note`, { body }),
      addActionItem: (oneOnOneId: string, input: ActionItemInput) =>
        send<OneOnOne>("POST", `/one-on-ones/${id(oneOnOneId)}/action-items`, input),
      updateActionItem: (oneOnOneId: string, itemId: string, patch: ActionItemPatch) =>
        send<OneOnOne>("PATCH", `/one-on-ones/${id(oneOnOneId)}/action-items/${id(itemId)}`, patch),
    },
    notifications: {
      list: (query: { unread?: boolean; limit?: number; cursor?: string } = {}, signal?: AbortSignal) =>
        get<NotificationList>(
          "/notifications",
          { unread: query.unread ? "true" : undefined, limit: query.limit, cursor: query.cursor },
          signal,
        ),
      markRead: (which: { ids: string[] } | { all: true }) =>
        send<{ unreadCount: number }>("POST", "/notifications/read", which),
      settings: (signal?: AbortSignal) =>
        get<NotificationSettings>("/me/notification-settings", undefined, signal),
      updateSettings: (input: NotificationSettingsInput) =>
        send<NotificationSettings>("PUT", "/me/notification-settings", input),
      deliveries: (
        query: { status?: "pending" | "sent" | "failed"; cursor?: string } = {},
        signal?: AbortSignal,
      ) => get<NotificationDeliveryList>("/notification-deliveries", query, signal),
    },
  };
}

/** The client's shape, for code that receives one. */
export type LuodiClient = ReturnType<typeof createClient>;
