// Optional quick run outside the browser: node tools/RetroWalk.Dashboard/test/run-node.mjs
import { readFileSync } from 'node:fs';
import { runDecoderTests } from './decoders.test.js';

const here = new URL('.', import.meta.url);
const vectors = JSON.parse(readFileSync(new URL('vectors.json', here)));
const schema = JSON.parse(readFileSync(new URL('../web/settings.json', here)));
const { failures, checks } = runDecoderTests(vectors, schema);
failures.forEach((f) => console.error(f));
console.log(`${checks - failures.length}/${checks} decoder checks pass`);
process.exit(failures.length ? 1 : 0);
