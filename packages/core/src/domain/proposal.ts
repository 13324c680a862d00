import { leadersOver } from "./org-graph.ts";
import { isAdmin, owningDepartment, type PolicyObjective } from "./policy.ts";
import type { Actor, OrgGraph } from "./types.ts";

/*
 * Horse racing (赛马): whoever proposes, executes. A proposal (提案) serves a parent KR or objective; an
 * approver accepts it (it becomes the proposer's published objective) or rejects it; an accepted
 * initiative that grows is spun off into its own department (独立成军).
 */

/** open → accepted | rejected | withdrawn; nothing leaves those three. */
export const PROPOSAL_STATUSES = ["open", "accepted", "rejected", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The orders of the proposals board. */
export const PROPOSAL_SORTS = ["newest", "most_backed"] as const;

/** How someone took part in a proposal, for their person page. */
export const PROPOSAL_INVOLVEMENTS = ["made", "backed", "joined", "spun_off"] as const;
export type ProposalInvolvement = (typeof PROPOSAL_INVOLVEMENTS)[number];

/** The limit on a pitch, in characters (Markdown). */
export const PROPOSAL_PITCH_MAX_LENGTH = 20_000;

/** The most people a spin-off moves at once. */
export const SPIN_OFF_MAX_MEMBERS = 500;

/** What the proposal rules need to know about a proposal. */
export type PolicyProposal = {
  status: ProposalStatus;
  proposerUserId: string;
  /** The objective it serves (the parent KR's objective when it serves a KR). */
  parent: PolicyObjective;
  /** True once it has been spun off into a department. */
  spunOff: boolean;
};

/**
 * Who decides a proposal and spins it off: admins, and the leaders of the department its parent belongs
 * to and of the departments above it (a company parent belongs to the root department).
 */
export function canDecideProposal(actor: Actor, parent: PolicyObjective, graph: OrgGraph): boolean {
  if (isAdmin(actor)) return true;
  const departmentId = owningDepartment(parent, graph);
  return departmentId !== null && leadersOver(graph, departmentId).includes(actor.userId);
}

/** What the caller may do to a proposal; each mirrors the checks of the write it names. */
export type ProposalAbilities = {
  back: boolean;
  unback: boolean;
  join: boolean;
  leave: boolean;
  withdraw: boolean;
  /** Accept or reject it. */
  decide: boolean;
  spinOff: boolean;
};

/** The caller's abilities on a proposal they may see, given whether they back it and are on its team. */
export function proposalAbilities(
  actor: Actor,
  proposal: PolicyProposal,
  graph: OrgGraph,
  mine: { backed: boolean; joined: boolean },
): ProposalAbilities {
  const open = proposal.status === "open";
  const isProposer = proposal.proposerUserId === actor.userId;
  const approver = canDecideProposal(actor, proposal.parent, graph);
  return {
    back: open && !isProposer && !mine.backed,
    unback: open && mine.backed,
    join: open && !isProposer && !mine.joined,
    leave: open && mine.joined,
    withdraw: open && isProposer,
    decide: open && approver,
    spinOff: proposal.status === "accepted" && !proposal.spunOff && approver,
  };
}

/**
 * Who owns each draft KR once the initiative runs: the owner the proposer named when they lead it or are
 * on the team, otherwise the team in turn (in the order they joined), otherwise the proposer — whoever
 * proposes, executes, with the people who joined.
 */
export function assignKeyResultOwners(
  drafts: ReadonlyArray<{ ownerUserId: string | null }>,
  proposerId: string,
  teamIds: readonly string[],
): string[] {
  const runners = new Set([proposerId, ...teamIds]);
  let turn = 0;
  return drafts.map((kr) => {
    if (kr.ownerUserId && runners.has(kr.ownerUserId)) return kr.ownerUserId;
    const next = teamIds.length === 0 ? proposerId : (teamIds[turn % teamIds.length] ?? proposerId);
    turn += 1;
    return next;
  });
}
