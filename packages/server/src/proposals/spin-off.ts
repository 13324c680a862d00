import {
  AppError,
  canDecideProposal,
  isAdmin,
  leadersOver,
  type OrgGraph,
  type SpinOffInput,
  wouldCreateManagerLoop,
} from "@luodi/core";
import {
  findMember,
  findObjective,
  insertDepartments,
  listDepartments,
  listProposalPeople,
  listUserNames,
  updateMember,
  updateObjective,
  updateProposal,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { checkUpwardLinks } from "../objectives/alignment-links.ts";
import { policyObjectiveOf } from "../objectives/objective-access.ts";
import { type AuditEntry, recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadProposalFor } from "./proposal-access.ts";

/** What a spin-off made. */
export type SpinOffOutcome = {
  department: { id: string; name: string; parentId: string; leaderUserId: string };
  movedUserIds: string[];
};

// Department names compare as people read them: the same words in another case or spacing are the same name.
function sameName(a: string, b: string): boolean {
  return a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The organization as it will be once the new department exists and the people have moved into it. */
function graphAfter(
  graph: OrgGraph,
  department: { id: string; parentId: string; leaderId: string },
  proposerId: string,
  moved: readonly string[],
): OrgGraph {
  const departments = new Map(graph.departments);
  departments.set(department.id, department);
  const members = new Map(graph.members);
  for (const userId of [proposerId, ...moved]) {
    const member = members.get(userId);
    if (member)
      members.set(userId, {
        ...member,
        departmentId: department.id,
        managerId: userId === proposerId ? member.managerId : proposerId,
      });
  }
  return { ...graph, departments, members };
}

/**
 * Spins an accepted initiative off into its own department (独立成军): a new department under
 * `parentDepartmentId`, led by the proposer, who moves into it with the chosen members of the team (their
 * manager becomes the proposer); the initiative's objective becomes the department's — same id, same
 * alignment, so its check-ins, comments, scores and audit entries stay where they were.
 */
export async function spinOffProposal(
  caller: Caller,
  id: string,
  input: SpinOffInput,
): Promise<SpinOffOutcome> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const { proposal, parent, graph } = await loadProposalFor(caller, trx, id, { lock: true });
    if (!canDecideProposal(auth.actor, policyObjectiveOf(parent), graph))
      throw new AppError("permission.denied");
    if (
      proposal.status !== "accepted" ||
      proposal.spinOffDepartmentId !== null ||
      proposal.objectiveId === null
    )
      throw new AppError("proposal.not_spinnable");
    const objective = await findObjective(trx, orgId, proposal.objectiveId, {
      forUpdate: ctx.dialect === "postgres",
    });
    if (!objective) throw new AppError("proposal.not_spinnable");
    if (!graph.departments.has(input.parentDepartmentId))
      throw new AppError("department.not_found", {}, [{ path: "parentDepartmentId" }]);
    // A leader spins off under their own part of the organization; elsewhere is for admins.
    if (!isAdmin(auth.actor) && !leadersOver(graph, input.parentDepartmentId).includes(auth.user.id))
      throw new AppError("permission.denied");

    const departments = await listDepartments(trx, orgId);
    const name = input.departmentName.trim();
    if (departments.some((d) => sameName(d.name, name)))
      throw new AppError("department.name_taken", { name }, [{ path: "departmentName" }]);

    const team = new Set((await listProposalPeople(trx, orgId, "member", [id])).map((p) => p.userId));
    const moved = [...new Set(input.moveMemberIds)].filter((userId) => userId !== proposal.proposerId);
    const names = await listUserNames(trx, [proposal.proposerId, ...moved]);
    const leading = (userId: string) => departments.find((d) => d.leaderId === userId);
    const refuseLeader = (userId: string, path: string | null) => {
      const led = leading(userId);
      if (led)
        throw new AppError(
          "proposal.member_leads_department",
          { name: names.get(userId) ?? userId, department: led.name },
          path ? [{ path }] : [],
        );
    };
    refuseLeader(proposal.proposerId, null);
    input.moveMemberIds.forEach((userId, index) => {
      if (userId === proposal.proposerId) return;
      const path = `moveMemberIds.${index}`;
      if (!team.has(userId)) throw new AppError("proposal.not_on_team", {}, [{ path }]);
      if (graph.members.get(userId)?.status !== "active")
        throw new AppError("member.not_found", {}, [{ path }]);
      refuseLeader(userId, path);
      if (wouldCreateManagerLoop(graph, userId, proposal.proposerId))
        throw new AppError("member.manager_loop", {}, [{ path }]);
    });

    const now = ctx.config.now().toISOString();
    const department = { id: newId(), parentId: input.parentDepartmentId, leaderId: proposal.proposerId };
    const after = graphAfter(graph, department, proposal.proposerId, moved);
    const nextObjective = {
      ...objective,
      level: "department" as const,
      ownerDepartmentId: department.id,
      ownerUserId: null,
    };
    const parentObjective = await findObjective(trx, orgId, proposal.parentObjectiveId);
    if (parentObjective) {
      const refused = (await checkUpwardLinks(trx, orgId, after, nextObjective, [parentObjective])).get(
        parentObjective.id,
      );
      if (refused) throw new AppError(refused);
    }

    await insertDepartments(trx, [
      { orgId, ...department, name, version: 1, createdAt: now, updatedAt: now, deletedAt: null },
    ]);
    const audit: AuditEntry[] = [
      {
        orgId,
        actorId: auth.user.id,
        action: "department.create",
        entityType: "department",
        entityId: department.id,
        after: { name, parentId: department.parentId, leaderId: department.leaderId, proposalId: id },
        at: now,
      },
    ];
    for (const userId of [proposal.proposerId, ...moved]) {
      const member = await findMember(trx, orgId, userId);
      if (!member) throw new AppError("member.not_found");
      const patch = {
        departmentId: department.id,
        managerId: userId === proposal.proposerId ? member.managerId : proposal.proposerId,
      };
      if (!(await updateMember(trx, orgId, userId, member.version, { ...patch, updatedAt: now })))
        throw new AppError("version.conflict", { current: member.version + 1 });
      audit.push({
        orgId,
        actorId: auth.user.id,
        action: "member.update",
        entityType: "member",
        entityId: userId,
        before: { departmentId: member.departmentId, managerId: member.managerId },
        after: patch,
        at: now,
      });
    }
    const objectivePatch = {
      level: "department" as const,
      ownerDepartmentId: department.id,
      ownerUserId: null,
    };
    if (
      !(await updateObjective(trx, orgId, objective.id, objective.version, {
        ...objectivePatch,
        updatedAt: now,
      }))
    )
      throw new AppError("version.conflict", { current: objective.version + 1 });
    await updateProposal(trx, orgId, id, {
      spinOffDepartmentId: department.id,
      spunOffAt: now,
      spunOffBy: auth.user.id,
      updatedAt: now,
    });
    audit.push(
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.update",
        entityType: "objective",
        entityId: objective.id,
        objectiveId: objective.id,
        before: {
          level: objective.level,
          ownerDepartmentId: objective.ownerDepartmentId,
          ownerUserId: objective.ownerUserId,
        },
        after: objectivePatch,
        at: now,
      },
      {
        orgId,
        actorId: auth.user.id,
        action: "proposal.spin_off",
        entityType: "proposal",
        entityId: id,
        after: { departmentId: department.id, name, movedUserIds: moved },
        at: now,
      },
    );
    await recordAudit(trx, audit);
    return {
      department: {
        id: department.id,
        name,
        parentId: department.parentId,
        leaderUserId: department.leaderId,
      },
      movedUserIds: moved,
    };
  });
}
