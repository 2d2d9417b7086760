import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // test files share their worker's modules instead of importing the app afresh each (1–3 s a file, a
    // third of the suite's time): tests hold no state in modules, and each closes what it opens (issue #17)
    isolate: false,
    // vitest's default (one less than the cores) is a single worker on a 2-core machine; most test files
    // wait on sockets and databases rather than compute, so two run side by side at least (issue #17)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
