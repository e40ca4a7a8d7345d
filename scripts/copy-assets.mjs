// Copy the pieces of GOV.UK Frontend the site serves into earlyhelp/static/build/.
// Only the JavaScript: the crown, crest and GDS Transport font are GOV.UK's alone
// (earlyhelp/static_src/_url-handlers.scss keeps the crest's url() out of the CSS).
// Then check the built CSS: every url() in it must name a file that is in the build,
// or `collectstatic` with whitenoise's manifest storage stops and production serves 500s.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'

const out = 'earlyhelp/static/build'
mkdirSync(out, { recursive: true })
copyFileSync('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', `${out}/govuk-frontend.min.js`)

const css = readFileSync(`${out}/earlyhelp.css`, 'utf8')
const missing = []
for (const match of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
  const target = match[1]
  if (target.startsWith('data:') || target.startsWith('#')) continue
  const path = target.startsWith('/static/') ? `earlyhelp/static/${target.slice('/static/'.length)}` : `${out}/${target}`
  if (!existsSync(path.split(/[?#]/)[0])) missing.push(target)
}
if (missing.length > 0) {
  console.error(`earlyhelp.css refers to files the build does not ship: ${missing.join(', ')}`)
  process.exit(1)
}
