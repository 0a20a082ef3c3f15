/** Labels and badge tones of use-case and decision statuses (the text carries the meaning). */
export type StatusTone = "neutral" | "info" | "success" | "danger" | "warning";

const STATUS: Record<string, { label: string; tone: StatusTone }> = {
  DRAFT: { label: "Draft", tone: "neutral" },
  SUBMITTED: { label: "Submitted", tone: "info" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  CHANGES_REQUESTED: { label: "Changes requested", tone: "warning" },
  WITHDRAWN: { label: "Withdrawn", tone: "neutral" },
  SUPERSEDED: { label: "Superseded", tone: "neutral" },
};

export function statusLabel(status: string): string {
  return STATUS[status]?.label ?? status;
}

export function statusTone(status: string): StatusTone {
  return STATUS[status]?.tone ?? "neutral";
}
