import type { Role } from "@luodi/core";
import { type Executor, listMembershipsOfUser, type UserRow } from "@luodi/db";

/** A person just signed in by a link (an invitation accepted, a new password set), with their new session. */
export type SignedIn = {
  user: UserRow;
  sessionToken: string;
  organizations: Array<{ id: string; name: string; role: Role }>;
};

/** The organizations a person is an active member of, as sign-in answers them. */
export async function activeOrganizationsOf(
  db: Executor,
  userId: string,
): Promise<SignedIn["organizations"]> {
  return (await listMembershipsOfUser(db, userId))
    .filter((m) => m.status === "active")
    .map((m) => ({ id: m.orgId, name: m.orgName, role: m.role }));
}
