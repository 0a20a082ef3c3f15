# Servewise image: Next.js standalone output, served on :3000 as the app role (DATABASE_URL).
# With DATABASE_MIGRATION_URL set (the owner role), it migrates first and then serves without
# that variable; docker-compose.yml runs the migrations as a step of their own instead.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npm run db:generate && npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
# The migration applier and its dependencies (tsx, pg) for `migrate on start`.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/src ./src
COPY --from=build /app/tsconfig.json ./tsconfig.json
USER node
EXPOSE 3000
CMD ["sh", "-c", "if [ -n \"$DATABASE_MIGRATION_URL\" ]; then node_modules/.bin/tsx scripts/db/migrate.ts || exit 1; fi; unset DATABASE_MIGRATION_URL; exec node server.js"]
