import type { CheckInInput } from "@luodi/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { queryKeys, storeObjective } from "../../api/queries.ts";

/** The caller's open action items from every meeting (their home page). */
export function useMyActionItems() {
  return useQuery({
    queryKey: queryKeys.myActionItems,
    queryFn: ({ signal }) => api.meetings.mine(signal),
  });
}

/** Ticks one of the caller's action items off from their home page. */
export function useCompleteMyActionItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, done }: { itemId: string; done: boolean }) =>
      api.meetings.updateActionItem(itemId, { done }),
    onSuccess: (item) =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.myActionItems }),
        client.invalidateQueries({ queryKey: queryKeys.meetingActionItems(item.meetingId) }),
      ]),
  });
}

/** Whether the caller has a calendar feed link. */
export function useCalendarFeed() {
  return useQuery({
    queryKey: queryKeys.calendarFeed,
    queryFn: ({ signal }) => api.meetings.calendarFeed(signal),
  });
}

/** Makes a new calendar feed link (the answer holds the secret, shown once) or turns the feed off. */
export function useWriteCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (write: "rotate" | "stop") => {
      if (write === "rotate") return api.meetings.rotateCalendarFeed();
      await api.meetings.stopCalendarFeed();
      return null;
    },
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.calendarFeed }),
  });
}

/**
 * A check-in from the meeting: the KR's objective takes the answer, its check-ins and the meeting's live
 * agenda are read again.
 */
export function useMeetingCheckIn(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ keyResultId, input }: { keyResultId: string; input: CheckInInput }) =>
      api.keyResults.checkIn(keyResultId, input),
    onSuccess: (result, { keyResultId }) => {
      storeObjective(client, result.objective);
      return Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.checkIns(keyResultId) }),
        client.invalidateQueries({ queryKey: queryKeys.meetingAgenda(meetingId) }),
      ]);
    },
  });
}
