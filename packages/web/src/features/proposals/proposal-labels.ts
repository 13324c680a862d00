import type { Proposal } from "@luodi/client";

/** Catalogue keys and tag colours of proposal statuses, board orders and a person's involvements. */
export const PROPOSAL_STATUS_KEYS = {
  open: "proposals.status.open",
  accepted: "proposals.status.accepted",
  rejected: "proposals.status.rejected",
  withdrawn: "proposals.status.withdrawn",
} as const satisfies Record<Proposal["status"], string>;

export const PROPOSAL_STATUS_COLORS: Record<Proposal["status"], string> = {
  open: "processing",
  accepted: "success",
  rejected: "error",
  withdrawn: "default",
};

export const PROPOSAL_SORT_KEYS = {
  newest: "proposals.sort.newest",
  most_backed: "proposals.sort.most_backed",
} as const;

export const INVOLVEMENT_KEYS = {
  made: "proposals.involvement.made",
  backed: "proposals.involvement.backed",
  joined: "proposals.involvement.joined",
  spun_off: "proposals.involvement.spun_off",
} as const;
