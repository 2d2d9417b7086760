// .env.example names every variable the configuration reads, and nothing it does not.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { CONFIG_VARIABLES } from "../../src/config.ts";

it(".env.example lists exactly the variables src/config.ts reads (and TEST_DATABASE_URL for the tests)", () => {
  const listed = [...readFileSync(".env.example", "utf8").matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
  expect(new Set(listed)).toEqual(new Set([...CONFIG_VARIABLES, "TEST_DATABASE_URL"]));
});
