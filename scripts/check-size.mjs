// Prints the bundle's gzip and brotli sizes and fails when gzip is over budget.
import { readFile } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// What the widget measured (20,141 bytes after dropping zod from the bundle) plus a small
// margin. Raise it only with a measured reason, in the commit that needs it.
const BUDGET = 21 * 1024;
const file = 'dist/support-finder.js';
const source = await readFile(file);
const gzip = gzipSync(source, { level: 9 }).length;
const brotli = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`${file}: ${source.length} bytes, ${gzip} bytes gzip (budget ${BUDGET}), ${brotli} bytes brotli`);
if (gzip > BUDGET) {
  console.error(`Over budget by ${gzip - BUDGET} bytes gzip.`);
  process.exit(1);
}
