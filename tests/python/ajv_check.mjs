// Every schema tousu prints or ships compiles with ajv (Draft 2020-12,
// strict mode off: schemars writes annotations ajv's strict mode does not
// know). Run by .ci/run after test_schemas.py wrote the schemas:
//   NODE_PATH=DIR/node_modules node tests/python/ajv_check.mjs SCHEMA_DIR
import { createRequire } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const require = createRequire(join(process.env.NODE_PATH || ".", "x.js"));
const Ajv2020 = require("ajv/dist/2020").default;
const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir).sort()) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  try {
    ajv.compile(JSON.parse(readFileSync(join(dir, file), "utf8")));
    passed++;
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    failed++;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
