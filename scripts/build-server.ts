/**
 * `npm run build`, second step: bundles server.ts into build/server.js, so that production runs
 * as plain `node build/server.js` instead of through tsx (decision record 043). Packages stay
 * external (node_modules is there at run time); the app's own modules, the `~/` and `#db/`
 * aliases included, are bundled. A module other than server.ts that reads a file beside itself
 * (`new URL('../data/…', import.meta.url)`, as the migrations do) gets its own source location,
 * relative to the bundle, in place of `import.meta.url`.
 */
import { readFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { build, type Plugin } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const entry = resolve(root, 'server.ts')
const outfile = resolve(root, 'build/server.js')

const sourceLocation: Plugin = {
  name: 'source-import-meta-url',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8')
      if (args.path === entry || !text.includes('import.meta.url')) return undefined
      const source = relative(dirname(outfile), args.path).split('\\').join('/')
      const url = `new URL(${JSON.stringify(source)}, import.meta.url).href`
      return {
        contents: text.replaceAll('import.meta.url', url),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      }
    })
  },
}

// The tsconfig aliases, resolved before `packages: 'external'` would take them for packages.
const aliases: Plugin = {
  name: 'tsconfig-aliases',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^(~|#db)\// }, (args) => {
      const path = args.path.replace(/^~\//, './app/').replace(/^#db\//, './db/')
      return esbuild.resolve(path, { kind: args.kind, resolveDir: root })
    })
  },
}

const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  tsconfig: resolve(root, 'tsconfig.json'),
  plugins: [aliases, sourceLocation],
  logLevel: 'warning',
  metafile: true,
})
const bundled = Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules'))
console.log(`build/server.js: ${bundled.length} modules of the app bundled`)
