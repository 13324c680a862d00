import { AppError, canViewObjective, type OrgGraph, type PolicyProposal } from "@luodi/core";
import {
  type Executor,
  findObjective,
  findProposal,
  lockProposal,
  type ObjectiveRow,
  type ProposalRow,
} from "@luodi/db";
import type { Caller } from "../context.ts";
import { graphOf, policyObjectiveOf } from "../objectives/objective-access.ts";

/** What the proposal rules need to know about a stored proposal and its parent objective. */
export function policyProposalOf(row: ProposalRow, parent: ObjectiveRow): PolicyProposal {
  return {
    status: row.status,
    proposerUserId: row.proposerId,
    parent: policyObjectiveOf(parent),
    spunOff: row.spinOffDepartmentId !== null,
  };
}

/**
 * A proposal is seen by whoever may see what it serves: a proposal under a private objective stays as
 * private as that objective. Its proposer always sees their own.
 */
export function canViewProposal(
  caller: Caller,
  row: ProposalRow,
  parent: ObjectiveRow | undefined,
  graph: OrgGraph,
) {
  if (row.proposerId === caller.auth.user.id) return true;
  return parent !== undefined && canViewObjective(caller.auth.actor, policyObjectiveOf(parent), graph);
}

/**
 * The proposal as the caller may see it, with its parent objective: 404 when it does not exist or is
 * hidden from them. `lock` serializes the writes of one proposal on PostgreSQL.
 */
export async function loadProposalFor(
  caller: Caller,
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ proposal: ProposalRow; parent: ObjectiveRow; graph: OrgGraph }> {
  const orgId = caller.auth.org.id;
  if (options.lock && caller.ctx.dialect === "postgres") await lockProposal(db, orgId, id);
  const proposal = await findProposal(db, orgId, id);
  const parent = proposal
    ? await findObjective(db, orgId, proposal.parentObjectiveId, { includeDeleted: true })
    : undefined;
  const graph = await graphOf(caller, db);
  if (!proposal || !parent || !canViewProposal(caller, proposal, parent, graph))
    throw new AppError("proposal.not_found");
  return { proposal, parent, graph };
}
