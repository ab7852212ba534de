// `npm run build`: dist/support-finder.js, one minified ES module with Lit and zod inside.
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
          .replace(/\s*([{}:;,>])\s*/g, '$1')
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

/**
 * The interface languages: each its own small self-contained file, dist/locales/<lang>.js, that
 * the widget imports by address (src/localisation.ts) only when a finder is shown in it.
 */
const localeBundles = (await readdir('src/locales'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => ({
    input: `src/locales/${name}`,
    output: { file: `dist/locales/${name}`, format: 'es' },
    plugins: [resolve({ browser: true }), terser({ ecma: 2021, module: true, format: { comments: false } })],
  }));

export default [{
  input: 'src/support-finder.ts',
  output: { file: 'dist/support-finder.js', format: 'es' },
  // schema.ts only defines zod schemas (for types, tools and flow.schema.json); the widget
  // checks flows against the generated schema instead, so nothing of zod need be bundled.
  treeshake: { moduleSideEffects: (id) => !id.endsWith('/src/engine/schema.ts') },
  plugins: [
    resolve({ browser: true }),
    minifyCssTemplates(),
    esbuild({ target: 'es2021', tsconfig: 'tsconfig.json' }),
    terser({
      ecma: 2021,
      module: true,
      compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
      toplevel: true,
      format: { comments: false },
    }),
    collapseTemplateWhitespace(),
  ],
  onwarn(warning, warn) {
    // zod's internal module cycles and its pure annotations are harmless; anything else matters.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION') return;
    warn(warning);
  },
}, ...localeBundles];
