/** Demo accounts created by `npm run db:seed` (refused in production). Listed in the README. */
import type { Role } from "~/lib/roles";

export const DEMO_TEAMS = [
  { slug: "payments-risk", name: "Payments Risk", description: "Fraud and risk models on the checkout path." },
  { slug: "growth", name: "Growth & Personalisation", description: "Recommendations, ranking and pricing." },
  { slug: "supply-chain", name: "Supply Chain Forecasting", description: "Demand and inventory forecasts." },
] as const;

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  teamSlugs: string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "maya@servewise.test", name: "Maya Chen", role: "MEMBER", password: "member-maya-demo", teamSlugs: ["payments-risk"] },
  { email: "omar@servewise.test", name: "Omar Haddad", role: "MEMBER", password: "member-omar-demo", teamSlugs: ["growth"] },
  { email: "lena@servewise.test", name: "Lena Novak", role: "MEMBER", password: "member-lena-demo", teamSlugs: ["supply-chain"] },
  { email: "raj@servewise.test", name: "Raj Patel", role: "REVIEWER", password: "reviewer-raj-demo", teamSlugs: [] },
  { email: "sofia@servewise.test", name: "Sofia Rossi", role: "REVIEWER", password: "reviewer-sofia-demo", teamSlugs: [] },
  { email: "ada@servewise.test", name: "Ada Admin", role: "ADMIN", password: "admin-ada-demo", teamSlugs: [] },
];

/**
 * Demo use cases, from the engine's worked examples, each with a short history played
 * through the real services, so the log, the queue and the audit trail have every status.
 */
export type DemoStep =
  | { do: "submit"; by: string; change?: Record<string, number> }
  | { do: "review"; by: string; action: "APPROVE" | "REJECT" | "REQUEST_CHANGES"; comment?: string; approvedStrategy?: "batch" | "realtime" | "async" | "streaming" | "hybrid" | "edge" }
  | { do: "comment"; by: string; body: string }
  | { do: "withdraw"; by: string };

export interface DemoUseCase {
  teamSlug: string;
  authorEmail: string;
  example: string;
  tags: string[];
  steps: DemoStep[];
}

const RAJ = "raj@servewise.test";
const SOFIA = "sofia@servewise.test";

export const DEMO_USE_CASES: readonly DemoUseCase[] = [
  {
    teamSlug: "payments-risk", authorEmail: "maya@servewise.test", example: "fraud-detection-checkout", tags: ["fraud", "checkout"],
    steps: [
      { do: "submit", by: "maya@servewise.test" },
      { do: "review", by: RAJ, action: "REQUEST_CHANGES", comment: "What peak load do you expect on Black Friday? The replica estimate depends on it." },
      { do: "comment", by: "maya@servewise.test", body: "Measured last year: about 2.5x the normal peak. Updated the answers." },
      { do: "submit", by: "maya@servewise.test", change: { peakRequestsPerSecond: 2.5 } },
      { do: "review", by: SOFIA, action: "APPROVE", comment: "Agreed: real-time, always on, sized for the measured peak." },
    ],
  },
  {
    teamSlug: "payments-risk", authorEmail: "maya@servewise.test", example: "document-ocr", tags: ["kyc", "documents"],
    steps: [
      { do: "submit", by: "maya@servewise.test" },
      { do: "review", by: RAJ, action: "APPROVE" },
      { do: "submit", by: "maya@servewise.test", change: { payloadMB: 1.5 } },
      { do: "review", by: SOFIA, action: "APPROVE", approvedStrategy: "batch", comment: "KYC checks are worked through the next morning anyway: an hourly batch over the upload bucket meets that and avoids keeping a queue's workers running." },
    ],
  },
  {
    teamSlug: "growth", authorEmail: "omar@servewise.test", example: "dynamic-pricing", tags: ["pricing"],
    steps: [
      { do: "submit", by: "omar@servewise.test" },
      { do: "comment", by: RAJ, body: "Looking at this tomorrow — is the 100 ms budget end to end or model only?" },
    ],
  },
  {
    teamSlug: "growth", authorEmail: "omar@servewise.test", example: "clickstream-features", tags: ["clickstream", "features"],
    steps: [
      { do: "submit", by: "omar@servewise.test" },
      { do: "review", by: SOFIA, action: "REJECT", comment: "Please build on the shared clickstream pipeline instead of a second stream processor." },
    ],
  },
  { teamSlug: "growth", authorEmail: "omar@servewise.test", example: "homepage-recommendations", tags: ["recommendations"], steps: [] },
  {
    teamSlug: "supply-chain", authorEmail: "lena@servewise.test", example: "daily-sales-forecast", tags: ["forecasting"],
    steps: [
      { do: "submit", by: "lena@servewise.test" },
      { do: "review", by: RAJ, action: "APPROVE", comment: "Textbook batch." },
    ],
  },
  {
    teamSlug: "supply-chain", authorEmail: "lena@servewise.test", example: "monthly-reporting", tags: ["reporting"],
    steps: [
      { do: "submit", by: "lena@servewise.test" },
      { do: "withdraw", by: "lena@servewise.test" },
    ],
  },
];

export function formatDemoLogins(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  return ["Demo logins (role, email, password):", ...DEMO_USERS.map((u) => `  ${u.role.padEnd(8)}  ${u.email.padEnd(width)}  ${u.password}`)].join("\n");
}
