import { testDialects } from "@luodi/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, setupOrganization, signIn } from "../../test/factories.ts";
import { type Credentials, startTestServer, type TestServer } from "../../test/harness.ts";

/*
 * Issue 15: two owners demoting each other at the same moment left the organization with no owner on
 * PostgreSQL (4 of 5 tries): each counted two owners before the other's change. The owners' memberships
 * are now locked while one of them changes, so the second change counts after the first.
 */
describe.each(testDialects())("the last owner under concurrent demotions, on %s", (dialect) => {
  let server: TestServer;
  let olivia: { id: string; as: Credentials };
  let bob: { id: string; as: Credentials };

  const activeOwners = async () =>
    (
      await server.db.db
        .selectFrom("membership")
        .select("userId")
        .where("role", "=", "owner")
        .where("status", "=", "active")
        .execute()
    ).map((row) => row.userId);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const base = await setupOrganization(server);
    const created = await server.request("POST", "/members", {
      as: base.owner,
      body: {
        email: "bob@acme.test",
        name: "Bob Owner",
        password: PASSWORD,
        role: "owner",
        departmentId: base.rootDepartmentId,
      },
    });
    expect(created.status).toBe(201);
    olivia = { id: base.ownerId, as: base.owner };
    bob = { id: created.body.userId, as: await signIn(server, "bob@acme.test") };
  });
  afterAll(async () => server.close());

  it("keeps one owner when two owners demote each other at once, every time", async () => {
    for (let round = 0; round < 6; round++) {
      const [first, second] = round % 2 === 0 ? [olivia, bob] : [bob, olivia];
      const replies = await Promise.all([
        server.request("PATCH", `/members/${second.id}`, { as: first.as, body: { role: "admin" } }),
        server.request("PATCH", `/members/${first.id}`, { as: second.as, body: { role: "admin" } }),
      ]);
      const owners = await activeOwners();
      expect(owners, `round ${round}`).toHaveLength(1);
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses[0], `round ${round}: ${JSON.stringify(replies.map((r) => r.body))}`).toBe(200);
      // The other was refused: no longer an owner (403) or the last one left (422).
      expect([403, 422], `round ${round}`).toContain(statuses[1]);
      const loser = replies.find((r) => r.status !== 200);
      expect(["permission.denied", "member.last_owner"]).toContain(loser?.body.error.code);
      // The one still owner makes the other an owner again for the next round.
      const survivor = owners[0] === olivia.id ? olivia : bob;
      const other = survivor === olivia ? bob : olivia;
      const restored = await server.request("PATCH", `/members/${other.id}`, {
        as: survivor.as,
        body: { role: "owner" },
      });
      expect(restored.status).toBe(200);
      expect(await activeOwners()).toHaveLength(2);
    }
  });

  it("refuses an owner deactivating the only other owner and then themself", async () => {
    const first = await server.request("PATCH", `/members/${bob.id}`, {
      as: olivia.as,
      body: { status: "deactivated" },
    });
    expect(first.status).toBe(200);
    const last = await server.request("PATCH", `/members/${olivia.id}`, {
      as: olivia.as,
      body: { role: "admin" },
    });
    expect(last.status).toBe(422);
    expect(last.body.error.code).toBe("member.last_owner");
    expect(await activeOwners()).toEqual([olivia.id]);
  });
});
