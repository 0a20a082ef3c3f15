/**
 * The reviewer's rules, pure (no I/O): when a comment is required, and which strategies may
 * be approved instead of the recommended one. The version lifecycle itself (statuses,
 * transitions, four eyes) is features/decisions/workflow.ts.
 */
import type { ReviewAction } from "~/features/decisions/workflow";

/** Reject and request-changes need a comment; approval needs one only when it overrides the engine. */
export function commentRequirement(action: ReviewAction, isOverride: boolean): "required" | "optional" {
  if (action === "REJECT" || action === "REQUEST_CHANGES") return "required";
  return isOverride ? "required" : "optional";
}

/** Why a version whose assessment found no feasible strategy cannot be approved. */
export const NOTHING_TO_APPROVE =
  "The engine found no feasible strategy for these answers, so there is nothing to approve: reject the version or request changes (the assessment names, per strategy, the smallest change that would make it feasible).";

/** The review actions open on a version: with no feasible strategy only reject and request changes. */
export function allowedReviewActions(recommended: string | null): readonly ReviewAction[] {
  return recommended === null ? ["REJECT", "REQUEST_CHANGES"] : ["APPROVE", "REJECT", "REQUEST_CHANGES"];
}

export interface OverrideCheckInput {
  /** null: no strategy is feasible (engine 2.0.0); nothing may be approved. */
  recommended: string | null;
  approved: string;
  /** Constraints from the assessment: level and the strategies each rules against. */
  constraints: readonly { id: string; level: "hard" | "soft" | "advisory"; strategies: readonly string[]; message: string }[];
  feasible: boolean;
}

export type OverrideCheck =
  | { ok: true; isOverride: boolean; softConstraintsOverridden: string[] }
  | { ok: false; message: string; hardConstraints: string[]; /** The hard constraints' messages, for the UI. */ reasons: string[] };

/** An override may not cross a hard constraint; crossing soft ones is recorded (and needs the justification). */
export function checkOverride(input: OverrideCheckInput): OverrideCheck {
  if (input.recommended === null) return { ok: false, message: NOTHING_TO_APPROVE, hardConstraints: [], reasons: [NOTHING_TO_APPROVE] };
  if (input.approved === input.recommended) return { ok: true, isOverride: false, softConstraintsOverridden: [] };
  const against = input.constraints.filter((c) => c.strategies.includes(input.approved));
  const hard = against.filter((c) => c.level === "hard");
  if (hard.length > 0 || !input.feasible) {
    return {
      ok: false,
      message: `A hard constraint rules out ${input.approved}: ${hard.map((c) => c.message).join(" ") || "it is infeasible for these answers."}`,
      hardConstraints: hard.map((c) => c.id),
      reasons: hard.length > 0 ? hard.map((c) => c.message) : ["Ruled out for these answers."],
    };
  }
  return { ok: true, isOverride: true, softConstraintsOverridden: against.filter((c) => c.level === "soft").map((c) => c.id) };
}
