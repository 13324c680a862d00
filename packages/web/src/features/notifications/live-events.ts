import type { Notification } from "@luodi/client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { queryKeys } from "../../api/queries.ts";

/** The stream's events the app reacts to (api.md `GET /events`). */
const REFRESHING = ["check_in.created", "objective.updated"] as const;

/**
 * Listens to the server's live events while the signed-in app is open: a notification refreshes the bell
 * (and is handed to `onNotification`, to show it), a check-in or an objective change refreshes that
 * objective where it is shown. The browser's EventSource reconnects by itself and sends Last-Event-ID, so
 * nothing that happened while it was away is missed; a 401 (session ended) closes it for good.
 */
export function useLiveEvents(onNotification: (notification: Notification) => void): void {
  const client = useQueryClient();
  const handler = useRef(onNotification);
  handler.current = onNotification;
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/v1/events");
    source.addEventListener("notification", (event) => {
      void client.invalidateQueries({ queryKey: queryKeys.notifications });
      handler.current(JSON.parse((event as MessageEvent<string>).data) as Notification);
    });
    for (const type of REFRESHING) {
      source.addEventListener(type, (event) => {
        const { objectiveId } = JSON.parse((event as MessageEvent<string>).data) as { objectiveId: string };
        void client.invalidateQueries({ queryKey: queryKeys.objective(objectiveId) });
      });
    }
    source.addEventListener("comment.created", (event) => {
      const { subjectType, subjectId } = JSON.parse((event as MessageEvent<string>).data) as {
        subjectType: "objective" | "key_result" | "check_in";
        subjectId: string;
      };
      void client.invalidateQueries({ queryKey: queryKeys.comments({ type: subjectType, id: subjectId }) });
    });
    return () => source.close();
  }, [client]);
}
