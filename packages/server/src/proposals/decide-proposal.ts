import {
  AppError,
  assertPhaseAllows,
  assignKeyResultOwners,
  canDecideProposal,
  type KeyResultInput,
} from "@luodi/core";
import {
  countOwnerObjectives,
  type Executor,
  findCycle,
  insertKeyResults,
  insertMilestones,
  insertObjectives,
  listProposalPeople,
  type ObjectiveRow,
  type ProposalRow,
  readJson,
  updateProposal,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { buildKeyResultRows } from "../key-results/build-key-results.ts";
import { notify } from "../notifications/notify.ts";
import { checkUpwardLinks } from "../objectives/alignment-links.ts";
import { policyObjectiveOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { applyRollup } from "../services/rollup.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadProposalFor } from "./proposal-access.ts";
import { proposalLink, wouldBeObjective } from "./write-proposal.ts";

/** Loads an open proposal for its decision: 404 when hidden, 403 for anyone but an approver, 409 once decided. */
async function loadForDecision(caller: Caller, trx: Executor, id: string) {
  const loaded = await loadProposalFor(caller, trx, id, { lock: true });
  if (!canDecideProposal(caller.auth.actor, policyObjectiveOf(loaded.parent), loaded.graph))
    throw new AppError("permission.denied");
  if (loaded.proposal.status !== "open") throw new AppError("proposal.not_open");
  return loaded;
}

async function tellEveryone(caller: Caller, trx: Executor, proposal: ProposalRow, reason: string | null) {
  const orgId = caller.auth.org.id;
  const [backers, team] = await Promise.all([
    listProposalPeople(trx, orgId, "backer", [proposal.id]),
    listProposalPeople(trx, orgId, "member", [proposal.id]),
  ]);
  await notify(caller, trx, {
    kind: "proposal_decided",
    recipientIds: [proposal.proposerId, ...backers.map((p) => p.userId), ...team.map((p) => p.userId)],
    subject: { type: "proposal", id: proposal.id, title: proposal.title },
    excerpt: reason,
    link: proposalLink(proposal.id),
  });
}

/**
 * Accepts a proposal: it becomes a published personal objective of the proposer, aligned to what it
 * serves, its draft KRs owned by the team; the roll-up above it moves at once. Returns the objective's id.
 */
export async function acceptProposal(caller: Caller, id: string): Promise<string> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const { proposal, parent, graph } = await loadForDecision(caller, trx, id);
    const cycle = await findCycle(trx, orgId, proposal.cycleId);
    if (!cycle) throw new AppError("cycle.not_found");
    assertPhaseAllows(cycle.phase, "edit_plan");
    if (graph.members.get(proposal.proposerId)?.status !== "active") throw new AppError("member.not_found");
    const existing = await countOwnerObjectives(trx, orgId, cycle.id, {
      userId: proposal.proposerId,
      departmentId: null,
      level: "personal",
    });
    if (existing >= auth.settings.maxObjectivesPerOwner)
      throw new AppError("objective.limit", { max: auth.settings.maxObjectivesPerOwner });

    const now = ctx.config.now().toISOString();
    const objectiveId = newId();
    const row: ObjectiveRow = {
      ...wouldBeObjective(orgId, proposal.proposerId, cycle.id, objectiveId),
      title: proposal.title,
      description: proposal.pitch,
      status: "published",
      parentObjectiveId: proposal.parentKeyResultId ? null : parent.id,
      parentKeyResultId: proposal.parentKeyResultId,
      createdBy: auth.user.id,
      createdAt: now,
      updatedAt: now,
    };
    // The organization may have changed since the proposal was made (a move, a new parent above).
    const refused = (await checkUpwardLinks(trx, orgId, graph, row, [parent])).get(parent.id);
    if (refused) throw new AppError(refused);

    const team = (await listProposalPeople(trx, orgId, "member", [id]))
      .map((p) => p.userId)
      .filter((userId) => graph.members.get(userId)?.status === "active");
    const drafts = readJson(proposal.keyResults);
    const owners = assignKeyResultOwners(drafts, proposal.proposerId, team);
    const inputs: KeyResultInput[] = drafts.map((kr, i) => ({
      title: kr.title,
      type: kr.type,
      unit: kr.unit,
      startValue: kr.startValue,
      targetValue: kr.targetValue,
      ...(kr.direction ? { direction: kr.direction } : {}),
      weight: kr.weight,
      ownerUserId: owners[i] ?? proposal.proposerId,
      ...(kr.milestones ? { milestones: kr.milestones } : {}),
    }));
    const { keyResults, milestones } = await buildKeyResultRows(caller, trx, row, inputs, {
      firstPosition: 0,
      pathPrefix: "keyResults.",
      defaultOwnerId: proposal.proposerId,
    });
    await insertObjectives(trx, [row]);
    await insertKeyResults(trx, keyResults);
    await insertMilestones(trx, milestones);
    await applyRollup(caller, trx, { keyResultIds: keyResults.map((kr) => kr.id), objectiveIds: [row.id] });
    await updateProposal(trx, orgId, id, {
      status: "accepted",
      decidedBy: auth.user.id,
      decidedAt: now,
      objectiveId,
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "proposal.accept",
        entityType: "proposal",
        entityId: id,
        before: { status: "open" },
        after: { status: "accepted", objectiveId },
        at: now,
      },
      {
        orgId,
        actorId: auth.user.id,
        action: "objective.create",
        entityType: "objective",
        entityId: objectiveId,
        objectiveId,
        after: {
          proposalId: id,
          cycleId: cycle.id,
          level: "personal",
          ownerUserId: proposal.proposerId,
          title: row.title,
          status: "published",
          parentObjectiveId: row.parentObjectiveId,
          parentKeyResultId: row.parentKeyResultId,
          keyResults: inputs,
        },
        at: now,
      },
    ]);
    await tellEveryone(caller, trx, proposal, null);
    return objectiveId;
  });
}

/** Rejects an open proposal with a reason its proposer, backers and team are told. */
export async function rejectProposal(caller: Caller, id: string, reason: string): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { proposal } = await loadForDecision(caller, trx, id);
    const now = ctx.config.now().toISOString();
    await updateProposal(trx, orgId, id, {
      status: "rejected",
      decidedBy: auth.user.id,
      decidedAt: now,
      decisionReason: reason,
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "proposal.reject",
        entityType: "proposal",
        entityId: id,
        reason,
        before: { status: "open" },
        after: { status: "rejected" },
        at: now,
      },
    ]);
    await tellEveryone(caller, trx, proposal, reason);
  });
}
