/** Inputs of the use-case procedures, shared by the forms and the router (isomorphic). */
import { z } from "zod";
import { answersSchema, draftAnswersSchema } from "~/engine";
import { idSchema, positiveInt32, safeText } from "~/lib/validation";

const url = safeText()
  .trim()
  .max(500, "Keep links under 500 characters.")
  .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), "Enter a link starting with http:// or https://, or leave it empty.");

export const tagSchema = safeText()
  .trim()
  .toLowerCase()
  .min(1, "Tags cannot be empty.")
  .max(30, "Keep each tag under 30 characters.")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Tags use lowercase letters, digits and dashes (e.g. fraud, checkout-api).");

export const useCaseDetailsSchema = z.object({
  title: safeText().trim().min(3, "Give the use case a title of at least 3 characters.").max(120, "Keep the title under 120 characters."),
  description: safeText().trim().max(2000, "Keep the description under 2,000 characters."),
  owner: safeText().trim().max(120, "Keep the owner under 120 characters."),
  modelRepoUrl: url,
  dashboardUrl: url,
  tags: z
    .array(tagSchema)
    .max(10, "Use at most 10 tags.")
    .refine((tags) => new Set(tags).size === tags.length, "Each tag only once."),
});
export type UseCaseDetails = z.infer<typeof useCaseDetailsSchema>;

const id = idSchema({ missing: "Missing id.", invalid: "Unknown id." });
const revision = positiveInt32();

export const createUseCaseSchema = useCaseDetailsSchema.extend({ teamId: id });
export const updateDetailsSchema = useCaseDetailsSchema.extend({ id, expectedRevision: revision });
export const saveDraftSchema = z.object({ id, expectedRevision: revision, answers: draftAnswersSchema });
export const submitUseCaseSchema = z.object({
  id,
  expectedRevision: revision,
  idempotencyKey: z.uuid("The submission key must be a UUID."),
  answers: answersSchema,
});
export const useCaseIdSchema = z.object({ id });
export const listUseCasesSchema = z.object({
  query: safeText().trim().max(100, "Keep the search under 100 characters.").optional(),
  teamId: id.optional(),
});

export const USE_CASE_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "CHANGES_REQUESTED", "WITHDRAWN"] as const;
export type UseCaseStatus = (typeof USE_CASE_STATUSES)[number];
