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

/** Demo use cases, from the engine's worked examples: some submitted, some still drafts. */
export const DEMO_USE_CASES = [
  { teamSlug: "payments-risk", authorEmail: "maya@servewise.test", example: "fraud-detection-checkout", tags: ["fraud", "checkout"], submit: true },
  { teamSlug: "payments-risk", authorEmail: "maya@servewise.test", example: "document-ocr", tags: ["kyc", "documents"], submit: true },
  { teamSlug: "growth", authorEmail: "omar@servewise.test", example: "dynamic-pricing", tags: ["pricing"], submit: true },
  { teamSlug: "growth", authorEmail: "omar@servewise.test", example: "clickstream-features", tags: ["clickstream", "features"], submit: true },
  { teamSlug: "growth", authorEmail: "omar@servewise.test", example: "homepage-recommendations", tags: ["recommendations"], submit: false },
  { teamSlug: "supply-chain", authorEmail: "lena@servewise.test", example: "daily-sales-forecast", tags: ["forecasting"], submit: true },
  { teamSlug: "supply-chain", authorEmail: "lena@servewise.test", example: "monthly-reporting", tags: ["reporting"], submit: false },
] as const;

export function formatDemoLogins(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  return ["Demo logins (role, email, password):", ...DEMO_USERS.map((u) => `  ${u.role.padEnd(8)}  ${u.email.padEnd(width)}  ${u.password}`)].join("\n");
}
