// ESLint (flat config): Next's core-web-vitals + TypeScript rules, and the house's import
// direction (docs/architecture.md): app -> features -> components/lib; only services,
// queries, the audit writer, auth, the export streamer and seeds touch the database client;
// the engine is pure.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const DB_CLIENT = [
  { group: ["~/server/db", "**/server/db"], message: "Only services, queries, the audit writer and seeds import the database client." },
  { group: ["~/generated/prisma/*", "**/generated/prisma/*", "@prisma/*", "pg"], message: "Only the data layer imports Prisma or pg." },
];
const SERVER_INFRASTRUCTURE = [
  { group: ["~/features/*", "**/features/*"], message: "src/server is infrastructure that features use, never the reverse (only server/api/routers wires features in)." },
];
// A feature's public surface, one file per role: other features may import its schema,
// workflow, service, queries, present and components — never its other files.
const FEATURE_INSIDES = [
  {
    group: [
      "~/features/*/*",
      "!~/features/*/schema",
      "!~/features/*/workflow",
      "!~/features/*/service",
      "!~/features/*/queries",
      "!~/features/*/present",
      "!~/features/*/components",
      "!~/features/*/components/*",
    ],
    message: "Another feature's insides: import its schema, workflow, service, queries, present or components (move a shared helper to src/lib, src/components or src/trpc).",
  },
];
const UP_FROM_FEATURES = [{ group: ["~/app/*", "**/app/*"], message: "Features must not import from the app layer (imports point down)." }];
const UP_FROM_COMPONENTS = [
  { group: ["~/app/*", "~/features/*", "~/server/*", "~/trpc/*"], message: "components/ui and lib are domain-free: they import nothing above them." },
];
const ENGINE_PURE = [
  {
    group: ["react", "react-dom", "next", "next/*", "@prisma/*", "pg", "node:*", "~/*", "@trpc/*", "next-auth", "next-auth/*"],
    message: "src/engine is pure TypeScript + zod: no frameworks, no I/O, nothing from the rest of src.",
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "src/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts", ".stryker-tmp/**", "reports/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  // Everything in src by default: no database client.
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: DB_CLIENT }] },
  },
  {
    files: ["src/features/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...DB_CLIENT, ...UP_FROM_FEATURES, ...FEATURE_INSIDES] }] },
  },
  // The data layer may use the client (but still not import upwards).
  {
    files: ["src/features/*/service.ts", "src/features/*/queries.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [...UP_FROM_FEATURES, ...FEATURE_INSIDES] }] },
  },
  // src/server is infrastructure: it imports no feature (routers excepted: they wire features
  // to procedures). Its data-access files may use the client.
  {
    files: ["src/server/**/*.{ts,tsx}"],
    ignores: ["src/server/api/routers/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [...DB_CLIENT, ...SERVER_INFRASTRUCTURE] }] },
  },
  {
    files: ["src/server/db.ts", "src/server/audit.ts", "src/server/health.ts", "src/server/auth/identity.ts", "src/server/auth/sign-in-throttle.ts", "src/server/export/stream.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: SERVER_INFRASTRUCTURE }] },
  },
  {
    files: ["src/components/**/*.{ts,tsx}", "src/lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...DB_CLIENT, ...UP_FROM_COMPONENTS] }] },
  },
  // The questionnaire form runs in the browser, where the engine's barrel and zod would cost
  // the page ~100 kB and the questionnaire's text ~4 kB (issue 13): it gets its questions from
  // the server as props, and imports only the engine's narrow modules (answer-constants,
  // quantity, format); types may come from anywhere. The live recommendation is scored on the
  // server (score.ts, components/live-recommendation.tsx).
  {
    files: ["src/features/questionnaire/**/*.{ts,tsx}"],
    ignores: ["src/features/questionnaire/score.ts", "src/features/questionnaire/components/live-recommendation.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: ["~/engine", "~/engine/answers", "~/engine/assess", "~/engine/questionnaire", "~/engine/answer-text", "zod"].map((name) => ({
            name,
            allowTypeImports: true,
            message: "The questionnaire form runs in the browser: import the engine's narrow modules (answer-constants, quantity, format), take questions from the `steps` prop, or import types only.",
          })),
        },
      ],
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ENGINE_PURE }],
      "no-restricted-globals": ["error", { name: "Date", message: "The engine takes no clock." }],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "random", message: "The engine is deterministic." },
        { object: "Date", property: "now", message: "The engine takes no clock." },
      ],
    },
  },
];

export default config;
