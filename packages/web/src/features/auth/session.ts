import type { SessionInfo } from "@luodi/client";
import { createContext, useContext } from "react";

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in user, their membership and organization; only inside RequireSession. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside RequireSession");
  return session;
}
