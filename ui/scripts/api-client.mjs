// Generates src/api/schema.d.ts, the API's types, from dais's OpenAPI document on stdin
// (`dais openapi | node scripts/api-client.mjs`; `make api-client` does both).
// With --check it writes nothing and exits 1 when the checked-in file differs.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const target = fileURLToPath(new URL("../src/api/schema.d.ts", import.meta.url));
const check = process.argv.includes("--check");
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const header =
  "// Generated from dais's OpenAPI document by ui/scripts/api-client.mjs: do not edit.\n" +
  "// Regenerate with `make api-client` after changing the API.\n\n";
const ast = await openapiTS(doc, { alphabetize: true, defaultNonNullable: false });
const text = header + astToString(ast);

if (check) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(
      "ui/src/api/schema.d.ts does not match the server's OpenAPI document: run `make api-client`",
    );
    process.exit(1);
  }
  console.log("ui/src/api/schema.d.ts matches the server's OpenAPI document");
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
