import {
  AppError,
  assertPhaseAllows,
  canViewObjective,
  type ProposalInput,
  validateKeyResultDefinition,
} from "@luodi/core";
import {
  addProposalPerson,
  type Executor,
  findCycle,
  findKeyResult,
  findObjective,
  insertProposal,
  type ObjectiveRow,
  type ProposalRow,
  removeProposalPerson,
  type StoredProposalKeyResult,
  updateProposal,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { atDefinitionPath } from "../key-results/build-key-results.ts";
import { notify } from "../notifications/notify.ts";
import { checkUpwardLinks } from "../objectives/alignment-links.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";
import { recordAudit } from "../services/audit.ts";
import { newId } from "../services/ids.ts";
import { inTransaction } from "../services/transaction.ts";
import { loadProposalFor } from "./proposal-access.ts";

/** The web app's page of a proposal, where its notifications lead. */
export function proposalLink(id: string): string {
  return `/proposals/${id}`;
}

/**
 * The objective a proposal would become, as alignment reads it: a personal objective of the proposer in the
 * proposal's cycle. Checked at proposal time so that an accepted proposal can always be aligned.
 */
export function wouldBeObjective(
  orgId: string,
  proposerId: string,
  cycleId: string,
  id: string,
): ObjectiveRow {
  return {
    orgId,
    id,
    cycleId,
    level: "personal",
    ownerDepartmentId: null,
    ownerUserId: proposerId,
    externalId: null,
    title: "",
    description: "",
    weight: 1,
    visibility: "public",
    // An initiative under 赛马 is a bet: aspirational, until its owner says it is a promise.
    kind: "aspirational",
    status: "draft",
    progress: 0,
    health: "on_track",
    score: null,
    parentObjectiveId: null,
    parentKeyResultId: null,
    review: null,
    rejectReason: null,
    createdBy: proposerId,
    version: 1,
    createdAt: "",
    updatedAt: "",
    deletedAt: null,
  };
}

/** The parent a proposal input names, as the proposer may see it; 404 (with its path) when hidden or missing. */
async function resolveParent(
  caller: Caller,
  trx: Executor,
  input: Pick<ProposalInput, "parentKeyResultId" | "parentObjectiveId">,
): Promise<{ objective: ObjectiveRow; keyResultId: string | null; path: string }> {
  const orgId = caller.auth.org.id;
  const graph = await graphOf(caller, trx);
  const visible = (row: ObjectiveRow | undefined): row is ObjectiveRow =>
    row !== undefined && canViewObjective(caller.auth.actor, policyObjectiveOf(row), graph);
  if ((input.parentKeyResultId === undefined) === (input.parentObjectiveId === undefined))
    throw new AppError("proposal.one_parent", {}, [{ path: "parentKeyResultId" }]);
  if (input.parentKeyResultId !== undefined) {
    const kr = await findKeyResult(trx, orgId, input.parentKeyResultId);
    const objective = kr ? await findObjective(trx, orgId, kr.objectiveId) : undefined;
    if (!kr || !visible(objective))
      throw new AppError("key_result.not_found", {}, [{ path: "parentKeyResultId" }]);
    return { objective, keyResultId: kr.id, path: "parentKeyResultId" };
  }
  const objective = await findObjective(trx, orgId, input.parentObjectiveId ?? "");
  if (!visible(objective)) throw new AppError("objective.not_found", {}, [{ path: "parentObjectiveId" }]);
  return { objective, keyResultId: null, path: "parentObjectiveId" };
}

/**
 * Proposes an initiative (提案) in a cycle, serving a KR or objective the proposer can see and that their
 * own objective could align to; its draft KRs are validated now, so that acceptance cannot fail on them.
 */
export async function createProposal(caller: Caller, input: ProposalInput): Promise<string> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  return inTransaction(ctx, async (trx) => {
    const cycle = await findCycle(trx, orgId, input.cycleId);
    if (!cycle) throw new AppError("cycle.not_found", {}, [{ path: "cycleId" }]);
    assertPhaseAllows(cycle.phase, "edit_plan");
    const parent = await resolveParent(caller, trx, input);
    const id = newId();
    const graph = await graphOf(caller, trx);
    const refusals = await checkUpwardLinks(
      trx,
      orgId,
      graph,
      wouldBeObjective(orgId, auth.user.id, cycle.id, id),
      [parent.objective],
    );
    const refused = refusals.get(parent.objective.id);
    if (refused) throw new AppError(refused, {}, [{ path: parent.path, message: refused }]);

    const keyResults: StoredProposalKeyResult[] = (input.keyResults ?? []).map((kr, i) => {
      const definition = atDefinitionPath(`keyResults.${i}`, () =>
        validateKeyResultDefinition({
          type: kr.type,
          startValue: kr.startValue,
          targetValue: kr.targetValue,
          direction: kr.direction,
          milestones: kr.milestones?.map((m) => ({ title: m.title, weight: m.weight ?? 1 })),
        }),
      );
      if (kr.ownerUserId && graph.members.get(kr.ownerUserId)?.status !== "active")
        throw new AppError("member.not_found", {}, [{ path: `keyResults.${i}.ownerUserId` }]);
      return {
        title: kr.title,
        type: definition.type,
        unit: kr.unit ?? null,
        startValue: definition.startValue,
        targetValue: definition.targetValue,
        direction: kr.direction ?? null,
        milestones: kr.milestones?.map((m) => ({ title: m.title, weight: m.weight ?? 1 })) ?? null,
        weight: kr.weight ?? 1,
        ownerUserId: kr.ownerUserId ?? null,
      };
    });
    const now = ctx.config.now().toISOString();
    const pitch = input.pitch ?? "";
    await insertProposal(trx, {
      orgId,
      id,
      cycleId: cycle.id,
      title: input.title,
      pitch,
      status: "open",
      proposerId: auth.user.id,
      parentObjectiveId: parent.objective.id,
      parentKeyResultId: parent.keyResultId,
      keyResults: JSON.stringify(keyResults),
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      objectiveId: null,
      spinOffDepartmentId: null,
      spunOffAt: null,
      spunOffBy: null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "proposal.create",
        entityType: "proposal",
        entityId: id,
        after: {
          cycleId: cycle.id,
          title: input.title,
          pitch,
          parentObjectiveId: parent.objective.id,
          parentKeyResultId: parent.keyResultId,
          keyResults,
        },
        at: now,
      },
    ]);
    return id;
  });
}

/** What a person may do to someone's proposal from the outside: back it, take the vote back, join, leave. */
export type ParticipationStep = "back" | "unback" | "join" | "leave";

const STEPS: Record<
  ParticipationStep,
  {
    role: "backer" | "member";
    add: boolean;
    refused:
      | "proposal.already_backed"
      | "proposal.not_backed"
      | "proposal.already_joined"
      | "proposal.not_joined";
  }
> = {
  back: { role: "backer", add: true, refused: "proposal.already_backed" },
  unback: { role: "backer", add: false, refused: "proposal.not_backed" },
  join: { role: "member", add: true, refused: "proposal.already_joined" },
  leave: { role: "member", add: false, refused: "proposal.not_joined" },
};

function assertOpen(proposal: ProposalRow): void {
  if (proposal.status !== "open") throw new AppError("proposal.not_open");
}

/**
 * Backs (a vote) or joins the team of an open proposal, or takes that back. The proposer leads their own
 * proposal and neither backs nor joins it; a second vote or join is refused, not counted twice.
 */
export async function participate(caller: Caller, id: string, step: ParticipationStep): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  const spec = STEPS[step];
  await inTransaction(ctx, async (trx) => {
    const { proposal } = await loadProposalFor(caller, trx, id, { lock: true });
    assertOpen(proposal);
    if (spec.add && proposal.proposerId === auth.user.id) throw new AppError("proposal.own");
    const now = ctx.config.now().toISOString();
    const changed = spec.add
      ? await addProposalPerson(trx, orgId, spec.role, {
          proposalId: id,
          userId: auth.user.id,
          createdAt: now,
        })
      : await removeProposalPerson(trx, orgId, spec.role, id, auth.user.id);
    if (!changed) throw new AppError(spec.refused);
    await updateProposal(trx, orgId, id, { updatedAt: now });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: `proposal.${step}`,
        entityType: "proposal",
        entityId: id,
        after: { userId: auth.user.id },
        at: now,
      },
    ]);
    if (step === "back")
      await notify(caller, trx, {
        kind: "proposal_backed",
        recipientIds: [proposal.proposerId],
        subject: { type: "proposal", id, title: proposal.title },
        link: proposalLink(id),
      });
  });
}

/** The proposer takes their open proposal back; backers and team stay recorded with it. */
export async function withdrawProposal(caller: Caller, id: string): Promise<void> {
  const { ctx, auth } = caller;
  const orgId = auth.org.id;
  await inTransaction(ctx, async (trx) => {
    const { proposal } = await loadProposalFor(caller, trx, id, { lock: true });
    if (proposal.proposerId !== auth.user.id) throw new AppError("permission.denied");
    assertOpen(proposal);
    const now = ctx.config.now().toISOString();
    await updateProposal(trx, orgId, id, { status: "withdrawn", updatedAt: now });
    await recordAudit(trx, [
      {
        orgId,
        actorId: auth.user.id,
        action: "proposal.withdraw",
        entityType: "proposal",
        entityId: id,
        before: { status: "open" },
        after: { status: "withdrawn" },
        at: now,
      },
    ]);
  });
}
