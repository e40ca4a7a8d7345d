// Copy the pieces of GOV.UK Frontend the site serves into earlyhelp/static/build/.
// Only the JavaScript: the crown, crest and GDS Transport font are GOV.UK's alone.
import { copyFileSync, mkdirSync } from 'node:fs'

const out = 'earlyhelp/static/build'
mkdirSync(out, { recursive: true })
copyFileSync('node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', `${out}/govuk-frontend.min.js`)
