import { AppError } from "../errors/index.ts";
import type { CyclePhase, ObjectiveStatus } from "./types.ts";
import { CYCLE_PHASES } from "./types.ts";

/** What can be done to an objective's workflow status. */
export type ObjectiveAction = "submit" | "approve" | "reject" | "publish" | "close" | "reopen";

/** What a cycle phase may allow or forbid. */
export type PhaseAction = "edit_plan" | "check_in" | "score" | "review";

/** The organization's workflow setting the transitions depend on. */
export type WorkflowOptions = { approvalRequired: boolean };

/** The phase after this one, or null after `closed`. */
export function nextPhase(phase: CyclePhase): CyclePhase | null {
  return CYCLE_PHASES[CYCLE_PHASES.indexOf(phase) + 1] ?? null;
}

/** Throws AppError `cycle.phase_order` unless `to` is exactly the next phase after `from`. */
export function assertPhaseAdvance(from: CyclePhase, to: CyclePhase): void {
  const next = nextPhase(from);
  // "—" rather than a word: the message is filled with the same params in every locale.
  if (to !== next) throw new AppError("cycle.phase_order", { from, next: next ?? "—" });
}

/** True from `in_progress` on: edits to published OKRs are adjustments from then. */
export function isPastAligning(phase: CyclePhase): boolean {
  return CYCLE_PHASES.indexOf(phase) >= CYCLE_PHASES.indexOf("in_progress");
}

/**
 * The status after a workflow action. With approval required: draft →submit→ submitted →approve→
 * published, or →reject→ draft; `publish` from draft is refused (admins approve instead). Without
 * approval: draft →publish→ published, and `submit` is refused. Always: published →close→ closed →reopen→
 * published. Anything else throws AppError `workflow.invalid_transition`.
 */
export function transitionObjective(
  status: ObjectiveStatus,
  action: ObjectiveAction,
  { approvalRequired }: WorkflowOptions,
): ObjectiveStatus {
  const next = nextStatus(status, action, approvalRequired);
  if (next === null) throw new AppError("workflow.invalid_transition", { action, status });
  return next;
}

function nextStatus(
  status: ObjectiveStatus,
  action: ObjectiveAction,
  approvalRequired: boolean,
): ObjectiveStatus | null {
  switch (`${status}:${action}`) {
    case "draft:submit":
      return approvalRequired ? "submitted" : null;
    case "draft:publish":
      return approvalRequired ? null : "published";
    // A submitted objective stays approvable even if the org switched approval off meanwhile.
    case "submitted:approve":
      return "published";
    case "submitted:reject":
      return "draft";
    case "published:close":
      return "closed";
    // Reopening returns to the published state it was closed from; history stays in the change log.
    case "closed:reopen":
      return "published";
    default:
      return null;
  }
}

/**
 * Throws AppError `cycle.wrong_phase` when the phase forbids the action: scoring only in `scoring`,
 * review only in `reviewing`, check-ins only in `aligning` and `in_progress` (before, nothing is
 * committed; from `scoring` on, the cycle's numbers are being judged), plan edits in every phase but
 * `closed`.
 */
export function assertPhaseAllows(phase: CyclePhase, action: PhaseAction): void {
  if (!phaseAllows(phase, action)) throw new AppError("cycle.wrong_phase", { phase });
}

/** True when the phase allows the action (see {@link assertPhaseAllows}). */
export function phaseAllows(phase: CyclePhase, action: PhaseAction): boolean {
  switch (action) {
    case "score":
      return phase === "scoring";
    case "review":
      return phase === "reviewing";
    case "check_in":
      return phase === "aligning" || phase === "in_progress";
    case "edit_plan":
      return phase !== "closed";
  }
}

/**
 * Throws the reason a key result takes no check-in now: AppError `check_in.phase` outside `aligning` and
 * `in_progress`; `check_in.closed` on a closed objective; `check_in.not_published` on a draft or a submitted
 * one (not committed yet). Who may check in is the policy's question.
 */
export function assertCheckInOpen(phase: CyclePhase, status: ObjectiveStatus): void {
  if (!phaseAllows(phase, "check_in")) throw new AppError("check_in.phase", { phase });
  if (status === "closed") throw new AppError("check_in.closed");
  if (status !== "published") throw new AppError("check_in.not_published", { status });
}

/** True when a key result of an objective in this status takes check-ins in this phase. */
export function checkInOpen(phase: CyclePhase, status: ObjectiveStatus): boolean {
  return phaseAllows(phase, "check_in") && status === "published";
}

/** True when editing the objective is an adjustment that needs a reason: published, and the cycle past aligning. */
export function needsAdjustmentReason(phase: CyclePhase, status: ObjectiveStatus): boolean {
  return isPastAligning(phase) && status === "published";
}
