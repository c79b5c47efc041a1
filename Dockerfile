# One image for the API (serving the built web app) and the workers; the command picks which.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY . .
RUN npx -y pnpm@10.34.9 install --frozen-lockfile \
 && if [ -d web/src ]; then npx -y pnpm@10.34.9 --filter @leadex/web run build; fi
# nothing at run time needs root, and a compromised process should not have it
USER node
EXPOSE 4000
CMD ["npx", "tsx", "api/src/main.ts"]
