// `npm run build`: dist/support-finder.js, one minified ES module with Lit and the engine inside,
// and dist/support-finder.classic.js, the same for a plain <script> tag (no type="module").
import resolve from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { readdir } from 'node:fs/promises';

/** Collapses the whitespace inside css`…` templates, which minifiers leave alone. */
function minifyCssTemplates() {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!id.endsWith('styles.ts')) return null;
      return code.replace(/css`([^`]*)`/g, (_, body) => {
        const min = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{}:;,>!])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${min}\``;
      });
    },
  };
}

/**
 * After minifying, the only line breaks left are inside template literals: Lit templates and
 * styles, where a line break and its indentation mean the same as one space.
 */
function collapseTemplateWhitespace() {
  return {
    name: 'collapse-template-whitespace',
    renderChunk(code) {
      return { code: code.replace(/\n\s+/g, ' '), map: null };
    },
  };
}

/** The same minification for both builds; only the classic script is not a module. */
function terserOptions({ module }) {
  return {
    ecma: 2022,
    module,
    compress: { passes: 5, pure_getters: true, unsafe: true, unsafe_arrows: true, unsafe_methods: true },
    toplevel: true,
    format: { comments: false },
  };
}

/**
 * The interface languages: each its own small self-contained file, dist/locales/<lang>.js, that
 * the widget imports by address (src/localisation.ts) only when a finder is shown in it.
 */
const localeBundles = (await readdir('src/locales'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => ({
    input: `src/locales/${name}`,
    output: { file: `dist/locales/${name}`, format: 'es' },
    plugins: [resolve({ browser: true }), terser({ ecma: 2022, module: true, format: { comments: false } })],
  }));

const esModule = {
  input: 'src/support-finder.ts',
  output: { file: 'dist/support-finder.js', format: 'es' },
  // schema.ts only defines zod schemas (for types, tools and flow.schema.json); the widget
  // checks flows against the generated schema instead, so nothing of zod need be bundled.
  // @lit/localize's index also brings its own runtime (configureLocalization), which sets
  // itself up as the module loads; src/localisation.ts replaces it, so only what the widget
  // uses of the package (msg, str) is kept.
  treeshake: { moduleSideEffects: (id) => !id.endsWith('/src/engine/schema.ts') && !id.includes('/node_modules/@lit/localize/') },
  plugins: [
    resolve({ browser: true }),
    minifyCssTemplates(),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser(terserOptions({ module: true })),
    collapseTemplateWhitespace(),
  ],
  onwarn(warning, warn) {
    // zod's internal module cycles and its pure annotations are harmless; anything else matters.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION') return;
    warn(warning);
  },
};

/**
 * For old CMSes that only take <script src>: one IIFE that defines the element and adds no
 * global. It cannot split code, so it has an entry of its own that imports the element; terser
 * must not treat it as a module (it would drop the IIFE's 'use strict'). src/script-url.ts
 * gives it the script's own address (rollup reads document.currentScript as the script runs),
 * for files published beside it.
 */
const classicScript = {
  ...esModule,
  input: 'src/classic.ts',
  output: { file: 'dist/support-finder.classic.js', format: 'iife' },
  plugins: esModule.plugins.map((plugin) => (plugin.name === 'terser' ? terser(terserOptions({ module: false })) : plugin)),
};

export default [esModule, classicScript, ...localeBundles];
