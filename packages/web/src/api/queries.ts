import {
  type AuditQuery,
  type CheckInResult,
  type Comment,
  type CommentInput,
  type CommentSubject,
  isApiError,
  isNetworkError,
  type MeetingActionItemInput,
  type MeetingActionItemPatch,
  type MeetingInput,
  type MeetingPatch,
  type Member,
  type NotificationSettingsInput,
  type Objective,
  type ObjectiveDetail,
  type ObjectiveListQuery,
  type OneOnOne,
  type OneOnOneInput,
  type Proposal,
  type ProposalInput,
  type ProposalListQuery,
  type Question,
  type QuestionInput,
  type RaceQuery,
  type RecognitionInput,
  type SpinOffInput,
} from "@luodi/client";
import { MAX_MEMBER_IDS } from "@luodi/core";
import {
  keepPreviousData,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "./client.ts";

/** Every cache key in one place, so writes know what to refresh. */
export const queryKeys = {
  setup: ["setup"] as const,
  session: ["session"] as const,
  me: ["me"] as const,
  cycles: ["cycles"] as const,
  members: ["members"] as const,
  /** A batch of names (`GET /members?ids=`), under `members` so that what refreshes members refreshes them. */
  memberNames: (userIds: readonly string[]) => ["members", "ids", ...userIds] as const,
  departmentMembers: (departmentId: string) => ["members", "department", departmentId] as const,
  departments: ["departments"] as const,
  integrations: ["integrations"] as const,
  audit: (filter: AuditFilter) => ["audit", filter] as const,
  objectives: (query: ObjectiveListQuery) => ["objectives", query] as const,
  allObjectives: ["objectives"] as const,
  objective: (id: string) => ["objective", id] as const,
  keyResult: (id: string) => ["key-result", id] as const,
  checkIns: (keyResultId: string) => ["check-ins", keyResultId] as const,
  history: (objectiveId: string) => ["history", objectiveId] as const,
  org: ["org"] as const,
  dashboard: (cycleId: string, departmentId?: string) => ["dashboard", cycleId, departmentId ?? ""] as const,
  rollout: (cycleId: string) => ["rollout", cycleId] as const,
  team: (cycleId: string, indirect: boolean) => ["team", cycleId, indirect] as const,
  tree: (cycleId: string, departmentId?: string) => ["tree", cycleId, departmentId ?? ""] as const,
  notifications: ["notifications"] as const,
  notificationList: (unread: boolean) => ["notifications", "list", unread] as const,
  notificationSettings: ["notification-settings"] as const,
  comments: (subject: CommentSubject) => ["comments", subject.type, subject.id] as const,
  commentHistory: (commentId: string) => ["comment-history", commentId] as const,
  recognitions: (userId?: string) => ["recognitions", userId ?? ""] as const,
  allRecognitions: ["recognitions"] as const,
  oneOnOnes: (withUserId?: string) => ["one-on-ones", withUserId ?? ""] as const,
  allOneOnOnes: ["one-on-ones"] as const,
  oneOnOne: (id: string) => ["one-on-one", id] as const,
  meetings: (cycleId?: string) => ["meetings", cycleId ?? ""] as const,
  allMeetings: ["meetings"] as const,
  meeting: (id: string) => ["meeting", id] as const,
  meetingAgenda: (id: string) => ["meeting-agenda", id] as const,
  meetingActionItems: (id: string) => ["meeting-action-items", id] as const,
  myActionItems: ["my-action-items"] as const,
  calendarFeed: ["calendar-feed"] as const,
  questions: (open: boolean) => ["questions", open] as const,
  allQuestions: ["questions"] as const,
  proposals: (query: ProposalListQuery) => ["proposals", query] as const,
  allProposals: ["proposals"] as const,
  proposal: (id: string) => ["proposal", id] as const,
  race: (query: RaceQuery) => ["race", query] as const,
  allRaces: ["race"] as const,
};

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Only an unreachable server is worth retrying on its own; an answer (403, 404…) will not change.
        retry: (count, error) => isNetworkError(error) && count < 2,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

export function useSetupStatus() {
  return useQuery({ queryKey: queryKeys.setup, queryFn: ({ signal }) => api.setup.status(signal) });
}

/** Whether anyone is signed in; answered without a 401, so a signed-out page load logs no error. */
export function useSessionStatus(enabled = true) {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => api.auth.session(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The signed-in user, or an ApiError 401 when nobody is (ask only once useSessionStatus says someone is). */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: ({ signal }) => api.auth.me(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useCycles() {
  return useQuery({ queryKey: queryKeys.cycles, queryFn: ({ signal }) => api.cycles.list(signal) });
}

export function useMembers() {
  return useQuery({
    queryKey: queryKeys.members,
    queryFn: ({ signal }) => api.members.list(signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * The members among these user ids, by id: the names a screen shows, asked for in batches of
 * MAX_MEMBER_IDS (`GET /members?ids=`) instead of the whole organization. Missing ids are not members.
 */
export function useMemberNames(userIds: readonly string[]) {
  const batches = useMemo(() => {
    const unique = [...new Set(userIds)].sort();
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += MAX_MEMBER_IDS) chunks.push(unique.slice(i, i + MAX_MEMBER_IDS));
    return chunks;
  }, [userIds]);
  return useQueries({
    queries: batches.map((ids) => ({
      queryKey: queryKeys.memberNames(ids),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.members.named(ids, signal),
      staleTime: 5 * 60_000,
      // A list that grows asks for a new set: the names already known stay shown meanwhile.
      placeholderData: keepPreviousData,
    })),
    combine: membersById,
  });
}

/** The batches' answers as one map (a stable function: TanStack recombines only when an answer changes). */
function membersById(results: ReadonlyArray<{ data?: Member[] | undefined; isPending: boolean }>) {
  const byId = new Map<string, Member>();
  for (const result of results) for (const member of result.data ?? []) byId.set(member.userId, member);
  return { byId, isPending: results.some((result) => result.isPending) };
}

/** A department's own members (not those of the departments below), every page of them. */
export function useDepartmentMembers(departmentId: string) {
  return useQuery({
    queryKey: queryKeys.departmentMembers(departmentId),
    queryFn: async ({ signal }) => {
      const members: Member[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.members.page(
          { departmentId, limit: 200, ...(cursor ? { cursor } : {}) },
          signal,
        );
        members.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return members;
    },
    staleTime: 5 * 60_000,
    enabled: !!departmentId,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: queryKeys.departments,
    queryFn: ({ signal }) => api.departments.list(signal),
    staleTime: 5 * 60_000,
  });
}

/** The organization's chat channels (admins). */
/** What the audit log screen narrows to (its pages come with the cursor). */
type AuditFilter = Omit<AuditQuery, "cursor" | "limit">;

/** Admins: the organization's audit log, newest first, a page at a time. */
export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(filter),
    queryFn: ({ signal, pageParam }) =>
      api.audit.list({ ...filter, limit: 30, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useIntegrations() {
  return useQuery({
    queryKey: queryKeys.integrations,
    queryFn: ({ signal }) => api.integrations.list(signal),
  });
}

export function useObjectives(query: ObjectiveListQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.objectives(query),
    queryFn: ({ signal }) => api.objectives.all(query, signal),
    enabled,
  });
}

export function useObjective(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.objective(id ?? ""),
    queryFn: ({ signal }) => api.objectives.get(id ?? "", signal),
    enabled: !!id,
  });
}

export function useHistory(objectiveId: string) {
  return useQuery({
    queryKey: queryKeys.history(objectiveId),
    queryFn: ({ signal }) => api.objectives.history(objectiveId, signal),
  });
}

/** The check-ins of several KRs, newest first each; one request per KR, in parallel. */
export function useCheckInsOf(keyResultIds: readonly string[]) {
  return useQueries({
    queries: keyResultIds.map((id) => ({
      queryKey: queryKeys.checkIns(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.keyResults.checkIns(id, signal),
    })),
  });
}

/** A 404 or 403 means "not for you to see": pages show that instead of an error. */
export function isHidden(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 403);
}

/**
 * After a write answered with the objective's new state: every cached copy shows it at once (progress
 * moves without a reload), and what depends on it is fetched again.
 */
/** After someone signs in (login, setup, invitation, reset): forget the signed-out answers, so the shell asks again. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: queryKeys.session });
  queryClient.removeQueries({ queryKey: queryKeys.me });
}

/**
 * Puts an objective a write answered into the cached reads. A check-in answers the objective with its KRs
 * but without what only its own page carries (children, alignment, pending adjustments): that one is
 * merged into the cached page rather than replacing it.
 */
export function storeObjective(
  queryClient: QueryClient,
  objective: ObjectiveDetail | CheckInResult["objective"],
): void {
  if ("childObjectives" in objective) queryClient.setQueryData(queryKeys.objective(objective.id), objective);
  else
    queryClient.setQueryData<ObjectiveDetail>(queryKeys.objective(objective.id), (cached) =>
      cached ? { ...cached, ...objective } : cached,
    );
  queryClient.setQueriesData<Objective[]>({ queryKey: queryKeys.allObjectives }, (list) =>
    list?.map((o) => (o.id === objective.id ? { ...o, ...objective } : o)),
  );
  void queryClient.invalidateQueries({ queryKey: queryKeys.history(objective.id) });
}

/**
 * After a save of a whole objective: its answer goes into every cached copy, and what its numbers roll up
 * into (the objectives above it, trees, dashboards) is fetched again.
 */
export function storeSavedObjective(queryClient: QueryClient, objective: ObjectiveDetail): void {
  storeObjective(queryClient, objective);
  void queryClient.invalidateQueries({
    predicate: (query) => {
      const [kind, id] = query.queryKey;
      if (kind === "objective") return id !== objective.id;
      return (
        kind === "objectives" ||
        kind === "tree" ||
        kind === "dashboard" ||
        kind === "rollout" ||
        kind === "team"
      );
    },
  });
}

export function useOrg() {
  return useQuery({ queryKey: queryKeys.org, queryFn: ({ signal }) => api.org.get(signal) });
}

export function useDashboard(cycleId: string | undefined, departmentId?: string) {
  return useQuery({
    queryKey: queryKeys.dashboard(cycleId ?? "", departmentId),
    queryFn: ({ signal }) => api.cycles.dashboard(cycleId ?? "", departmentId, signal),
    enabled: !!cycleId,
  });
}

export function useRollout(cycleId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.rollout(cycleId ?? ""),
    queryFn: ({ signal }) => api.cycles.rollout(cycleId ?? "", undefined, signal),
    enabled: !!cycleId,
  });
}

export function useTeam(cycleId: string | undefined, indirect: boolean) {
  return useQuery({
    queryKey: queryKeys.team(cycleId ?? "", indirect),
    queryFn: ({ signal }) => api.auth.team(cycleId ?? "", indirect, signal),
    enabled: !!cycleId,
  });
}

/** The caller's notifications, a page at a time, newest first (the bell and its page). */
export function useNotifications(unread = false) {
  return useInfiniteQuery({
    queryKey: queryKeys.notificationList(unread),
    queryFn: ({ signal, pageParam }) =>
      api.notifications.list({ unread, limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The live stream (useLiveEvents) refreshes it when something arrives; this is the fallback.
    refetchInterval: 120_000,
  });
}

export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) => api.notifications.markRead(which),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: queryKeys.notificationSettings,
    queryFn: ({ signal }) => api.notifications.settings(signal),
  });
}

export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationSettingsInput) => api.notifications.updateSettings(input),
    onSuccess: (saved) => client.setQueryData(queryKeys.notificationSettings, saved),
  });
}

/** The comments on an objective, a KR or a check-in, oldest first, a page at a time. */
export function useComments(subject: CommentSubject, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.comments(subject),
    queryFn: ({ signal, pageParam }) =>
      api.comments.list(subject, { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** What can be done to the comments on a subject; each write refetches that thread only. */
export function useCommentActions(subject: CommentSubject) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: queryKeys.comments(subject) });
  return {
    create: useMutation({
      mutationFn: (input: CommentInput) => api.comments.create(subject, input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) => api.comments.update(id, body),
      onSuccess: (comment: Comment) => {
        void client.invalidateQueries({ queryKey: queryKeys.commentHistory(comment.id) });
        return onSuccess();
      },
    }),
    remove: useMutation({ mutationFn: (id: string) => api.comments.remove(id), onSuccess }),
    react: useMutation({
      mutationFn: ({ id, emoji, on }: { id: string; emoji: string; on: boolean }) =>
        on ? api.comments.react(id, emoji) : api.comments.unreact(id, emoji),
      onSuccess,
    }),
  };
}

/** The earlier texts of an edited comment, fetched when asked for. */
export function useCommentHistory(commentId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.commentHistory(commentId),
    queryFn: ({ signal }) => api.comments.history(commentId, signal),
    enabled,
  });
}

/** The organization's praise, newest first, a page at a time; `userId` keeps what that person received. */
export function useRecognitions(userId?: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.recognitions(userId), pageSize],
    queryFn: ({ signal, pageParam }) =>
      api.recognitions.list({ limit: pageSize, userId, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useGiveRecognition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecognitionInput) => api.recognitions.create(input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.allRecognitions }),
  });
}

/** The caller's 1:1s (一对一), newest first, a page at a time; `withUserId` keeps those with that person. */
export function useOneOnOnes(withUserId?: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.oneOnOnes(withUserId), pageSize],
    queryFn: ({ signal, pageParam }) =>
      api.oneOnOnes.list(
        {
          limit: pageSize,
          ...(withUserId ? { withUserId } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        },
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useOneOnOne(id: string) {
  return useQuery({
    queryKey: queryKeys.oneOnOne(id),
    queryFn: ({ signal }) => api.oneOnOnes.get(id, signal),
  });
}

export function useCreateOneOnOne() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: OneOnOneInput) => api.oneOnOnes.create(input),
    onSuccess: (created) => {
      client.setQueryData(queryKeys.oneOnOne(created.id), created);
      return client.invalidateQueries({ queryKey: queryKeys.allOneOnOnes });
    },
  });
}

/**
 * Any write to one 1:1 (time, status, notes, agenda, private note, action items): each answers the whole
 * 1:1, which replaces the cached one; the lists show its time and status.
 */
export function useChangeOneOnOne(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (write: (oneOnOneId: string) => Promise<OneOnOne>) => write(id),
    onSuccess: (answer) => {
      client.setQueryData(queryKeys.oneOnOne(id), answer);
      return client.invalidateQueries({ queryKey: queryKeys.allOneOnOnes });
    },
  });
}

/** Meetings (会议) the caller may see, newest first, a page at a time. */
export function useMeetings(cycleId?: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.meetings(cycleId), pageSize],
    queryFn: ({ signal, pageParam }) =>
      api.meetings.list(
        { limit: pageSize, ...(cycleId ? { cycleId } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      ),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: queryKeys.meeting(id), queryFn: ({ signal }) => api.meetings.get(id, signal) });
}

/** The agenda: generated from live data until the meeting starts, frozen after. */
export function useMeetingAgenda(id: string) {
  return useQuery({
    queryKey: queryKeys.meetingAgenda(id),
    queryFn: ({ signal }) => api.meetings.agenda(id, signal),
  });
}

export function useMeetingActionItems(id: string) {
  return useQuery({
    queryKey: queryKeys.meetingActionItems(id),
    queryFn: ({ signal }) => api.meetings.actionItems(id, signal),
  });
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingInput) => api.meetings.create(input),
    onSuccess: (created) => {
      client.setQueryData(queryKeys.meeting(created.id), created);
      return client.invalidateQueries({ queryKey: queryKeys.allMeetings });
    },
  });
}

/** Start, end, minutes, decisions: the answer replaces the cached meeting; starting freezes the agenda. */
export function useChangeMeeting(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: MeetingPatch) => api.meetings.update(id, patch),
    onSuccess: (answer) => {
      client.setQueryData(queryKeys.meeting(id), answer);
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.meetingAgenda(id) }),
        client.invalidateQueries({ queryKey: queryKeys.allMeetings }),
      ]);
    },
  });
}

/** Adds an action item to a meeting, or changes one of its items. */
export function useWriteActionItem(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      write: { add: MeetingActionItemInput } | { itemId: string; patch: MeetingActionItemPatch },
    ) =>
      "add" in write
        ? api.meetings.addActionItem(meetingId, write.add)
        : api.meetings.updateActionItem(write.itemId, write.patch),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.meetingActionItems(meetingId) }),
        client.invalidateQueries({ queryKey: queryKeys.myActionItems }),
      ]),
  });
}

/** CEO 面对面 questions: all, newest first, or (`open`) the unanswered, most votes first. */
export function useQuestions(open: boolean) {
  return useQuery({
    queryKey: queryKeys.questions(open),
    queryFn: ({ signal }) =>
      api.questions.list({ limit: 100, ...(open ? { open: "true" as const } : {}) }, signal),
  });
}

export function useAskQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: QuestionInput) => api.questions.ask(input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.allQuestions }),
  });
}

/** A vote, a vote taken back, or an answer: each answers the question; the lists are read again. */
export function useWriteQuestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (write: () => Promise<Question>) => write(),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.allQuestions }),
  });
}

/** 赛马: the proposals board (or a person's proposals), a page at a time. */
export function useProposals(query: Omit<ProposalListQuery, "cursor">, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.proposals(query),
    queryFn: ({ signal, pageParam }) =>
      api.proposals.list({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: queryKeys.proposal(id),
    queryFn: ({ signal }) => api.proposals.get(id, signal),
  });
}

/** The proposals racing for one parent KR (or objective), in leaderboard order. */
export function useRace(query: RaceQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.race(query),
    queryFn: ({ signal }) => api.proposals.race(query, signal),
    enabled,
  });
}

export function useCreateProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProposalInput) => api.proposals.create(input),
    onSuccess: (created) => {
      client.setQueryData(queryKeys.proposal(created.id), created);
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.allProposals }),
        client.invalidateQueries({ queryKey: queryKeys.allRaces }),
      ]);
    },
  });
}

/**
 * Back, unback, join, leave, withdraw, accept, reject: each answers the proposal, which replaces the cached
 * one; the board, the races and (once accepted) the objectives it became are refreshed.
 */
export function useChangeProposal() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (write: () => Promise<Proposal>) => write(),
    onSuccess: (answer) => {
      client.setQueryData(queryKeys.proposal(answer.id), answer);
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.allProposals }),
        client.invalidateQueries({ queryKey: queryKeys.allRaces }),
        ...(answer.objectiveId ? [client.invalidateQueries({ queryKey: queryKeys.allObjectives })] : []),
      ]);
    },
  });
}

/**
 * 独立成军: a new department, people moved into it, the initiative's objective now the department's. The
 * org's departments, members, trees and objectives all change.
 */
export function useSpinOffProposal(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SpinOffInput) => api.proposals.spinOff(id, input),
    onSuccess: (result) => {
      client.setQueryData(queryKeys.proposal(id), result.proposal);
      return Promise.all(
        [
          queryKeys.allProposals,
          queryKeys.allRaces,
          queryKeys.departments,
          queryKeys.members,
          queryKeys.allObjectives,
          ["objective"],
          queryKeys.org,
          ["tree"],
          ["team"],
          ["dashboard"],
          ["rollout"],
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    },
  });
}
