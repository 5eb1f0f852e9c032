#!/usr/bin/env node
// Trunk post-build hook (see Trunk.toml): completes the Content-Security-Policy
// in the built index.html.
//
// index.html's policy allows scripts from the page's own origin and, instead
// of any inline script ('unsafe-inline'), only the one Trunk writes: the module
// that starts the app. Its text names the content-hashed .js and .wasm files,
// so its hash changes with every build and cannot be written by hand. The
// placeholder 'inline-script-hashes' in the policy is replaced here with the
// 'sha256-…' of every inline script in the finished page.
//
// Under `trunk serve` the page also carries Trunk's auto-reload script, whose
// text the server completes per request (with the address it was reached
// at), so it cannot be hashed ahead of time: for that development page the
// placeholder becomes 'unsafe-inline' and a note says so.
//
// Run by hand: TRUNK_STAGING_DIR=dist node scripts/csp-hashes.mjs

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PLACEHOLDER = "'inline-script-hashes'";
/** Left in the auto-reload script by Trunk until `trunk serve` sends the page. */
const SERVE_MARKER = '{{__TRUNK_ADDRESS__}}';

function fail(message) {
  console.error(`csp-hashes: ${message}`);
  process.exit(1);
}

const stagingDir = process.env.TRUNK_STAGING_DIR;
if (!stagingDir) fail('TRUNK_STAGING_DIR is not set; this runs as a Trunk post_build hook');
const htmlPath = path.join(stagingDir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');

const occurrences = html.split(PLACEHOLDER).length - 1;
if (occurrences !== 1) {
  fail(`${htmlPath} should contain ${PLACEHOLDER} once, in its Content-Security-Policy; found it ${occurrences} times`);
}

// Inline scripts: <script …>text</script> without a src attribute. The hash
// covers the text exactly as the browser reads it (after minification).
const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
  .map(([, , text]) => text);
if (inlineScripts.length === 0) fail(`${htmlPath} has no inline script; the start-up module is missing`);

if (html.includes(SERVE_MARKER)) {
  writeFileSync(htmlPath, html.replace(PLACEHOLDER, "'unsafe-inline'"));
  console.log('csp-hashes: a trunk serve page (auto-reload script): its script-src allows inline scripts');
} else {
  const hashes = inlineScripts.map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  writeFileSync(htmlPath, html.replace(PLACEHOLDER, hashes.join(' ')));
  console.log(`csp-hashes: ${hashes.length} inline script(s) allowed by hash in ${htmlPath}`);
}
