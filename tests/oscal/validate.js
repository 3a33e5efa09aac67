// validate.js: check OSCAL JSON documents against NIST's JSON schemas
// with ajv (draft-07, Unicode patterns) and ajv-formats.
//   node validate.js SCHEMA-DIR DOCUMENT...
// Each document's root key (catalog, profile, assessment-results,
// mapping-collection) picks oscal_<root>_schema.json in SCHEMA-DIR (the
// mapping model's file is oscal_mapping_schema.json).  Prints "valid: FILE" or
// "invalid: FILE" with ajv's errors; exits 1 when any is invalid, 3 when
// ajv cannot be loaded (the caller SKIPs).
'use strict';
const fs = require('fs');
const path = require('path');
let Ajv, addFormats;
try {
  Ajv = require('ajv');
  addFormats = require('ajv-formats');
} catch (e) {
  console.error('ajv or ajv-formats not found: ' + e.message);
  process.exit(3);
}
const [dir, ...docs] = process.argv.slice(2);
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
addFormats(ajv);
const compiled = {};
let bad = 0;
for (const file of docs) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const root = Object.keys(doc)[0];
  if (!compiled[root]) {
    const file = root === 'mapping-collection' ? 'mapping' : root;
    const schema = JSON.parse(fs.readFileSync(path.join(dir, `oscal_${file}_schema.json`), 'utf8'));
    compiled[root] = ajv.compile(schema);
  }
  const ok = compiled[root](doc);
  if (ok) {
    console.log(`valid: ${file}`);
  } else {
    bad++;
    console.log(`invalid: ${file}`);
    for (const e of compiled[root].errors.slice(0, 20))
      console.log(`  ${e.instancePath || '/'} ${e.message}${e.params && e.params.allowedValues ? ' ' + JSON.stringify(e.params.allowedValues) : ''}`);
  }
}
process.exit(bad ? 1 : 0);
