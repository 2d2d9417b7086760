// The layers of src/ (README, "Layout"), enforced in CI by `npm run lint:deps`. A broken rule prints the
// import that breaks it. Type-only imports are allowed upward where noted: they vanish at run time.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles (type-only imports excepted).",
      from: { path: "^src/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "src/domain holds the pure rules: it imports nothing of ours outside itself.",
      from: { path: "^src/domain/" },
      to: { path: "^(src|tools)/", pathNot: "^src/domain/" },
    },
    {
      name: "platform-below-features",
      severity: "error",
      comment: "The platform (database, outbox, scheduler, HTTP, files) knows no feature, catalogue or composition.",
      from: { path: "^src/platform/", pathNot: "^src/platform/telegram/" },
      to: { path: "^src/(features|i18n)/|^src/(services|app|bot|main|jobs)\\.ts$" },
    },
    {
      name: "telegram-glue-knows-feature-types-only",
      severity: "error",
      comment: "The telegraf stack may name the features' types, never their code (src/bot.ts lists the features).",
      from: { path: "^src/platform/telegram/" },
      to: { path: "^src/features/|^src/(services|app|bot|main|jobs)\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "handlers-do-not-touch-the-database",
      severity: "error",
      comment: "A handler parses, calls one service and replies: the database is the services' business.",
      from: { path: "^src/features/[^/]+/handlers/" },
      to: { path: "^src/platform/db/|^src/generated/|@prisma|^pg$|better-sqlite3", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "adapters-do-not-import-each-other",
      severity: "error",
      comment: "One feature's telegraf handlers do not import another feature's.",
      from: { path: "^src/features/([^/]+)/handlers/" },
      to: { path: "^src/features/[^/]+/handlers/", pathNot: "^src/features/$1/handlers/" },
    },
    {
      name: "services-do-not-import-handlers",
      severity: "error",
      comment: "Services return data; the handlers and the telegraf stack sit above them.",
      from: { path: "^src/features/", pathNot: "^src/features/[^/]+/handlers/" },
      to: { path: "^src/features/[^/]+/handlers/|^src/platform/telegram/|^telegraf" },
    },
    {
      name: "services-do-not-render-text",
      severity: "error",
      comment:
        "Services return data (views) and never import message text: the catalogues (src/i18n, a feature's " +
        "messages.ts, *-messages.ts, messages/) are the adapters' side. A service that must write text in its " +
        "transaction (the outbox) receives its rendering from the composition root (src/services.ts, src/app.ts). " +
        "Type-only imports (views, Catalogue, Lang) are allowed: they vanish at run time.",
      from: {
        path: "^src/features/",
        pathNot: "^src/features/[^/]+/(handlers/|messages/|messages\\.ts$|[^/]+-messages\\.ts$)",
      },
      to: {
        path: "^src/i18n/|^src/features/[^/]+/(messages/|messages\\.ts$|[^/]+-messages\\.ts$)",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "production-code-does-not-use-dev-tools",
      severity: "error",
      comment: "The Bot API emulator (tools/) serves the demo and the tests only.",
      from: { path: "^src/" },
      to: { path: "^tools/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules|src/generated" },
    exclude: { path: "src/generated" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".mjs"] },
  },
};
