"use client";

import { LeaveDialog } from "./leave-dialog";
import { useLeaveGuard } from "./use-leave-guard";

/**
 * The questionnaire's guard against losing typed input (./use-leave-guard) with its dialog
 * (./leave-dialog). The form mounts it, and so loads its code, from the first change on: until
 * then there is nothing to lose.
 */
export function LeaveGuard({
  unsaved,
  unsavable,
  flush,
  onStay,
}: {
  unsaved: boolean;
  unsavable: number;
  flush: () => Promise<boolean>;
  /** After "Stay on this page": e.g. focus the first answer that needs fixing. */
  onStay: () => void;
}) {
  const leave = useLeaveGuard({ unsaved, unsavable, flush });
  return (
    <LeaveDialog
      open={leave.asking !== null}
      unsavable={unsavable}
      saveFailed={leave.asking?.saveFailed ?? false}
      onStay={() => {
        leave.stay();
        onStay();
      }}
      onLeave={leave.leave}
    />
  );
}
