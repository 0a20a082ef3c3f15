-- Engine 2.0.0: an assessment may find no feasible strategy (recommended = NULL).
ALTER TABLE "DecisionVersion" ALTER COLUMN "recommended" DROP NOT NULL;
