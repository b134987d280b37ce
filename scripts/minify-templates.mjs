// Lit's `html` and `css` template literals minified at build time: runs of whitespace become
// one space and comments go (html-minifier-next), styles are minified (lightningcss), the
// bindings stay as they are. Whitespace is never removed altogether: a template may start
// with the space that parts a name from "(you)", which a full collapse would take away.
// What the library publishes (scripts/vite-library.mjs), and what every other build here
// serves (the demo, the stories, the benchmarks' pages, which build from the sources), so
// the end-to-end tests and the figures see the markup hosts get.
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

export function minifyTemplates() {
  return minifyHTML({
    // An error stops the build: never a page shipped half-minified.
    failOnError: true,
    exclude: ['**/node_modules/**'],
    options: { minifyOptions: { conservativeCollapse: true } },
  });
}
