// Progressive enhancement for the directory search; the page works without this script.
// On wide screens the filters start open beside the results. After a search, focus moves to
// the results heading, so a screen reader announces how many services were found.
const WIDE = '(min-width: 40.0625em)'

const filters = document.getElementById('filters')
if (filters && window.matchMedia(WIDE).matches) {
  filters.open = true
}

const heading = document.getElementById('results-heading')
const searched = [...new URLSearchParams(window.location.search).keys()].some(
  (name) => name !== 'school'
)
if (heading && searched && !document.querySelector('.govuk-error-summary')) {
  heading.focus()
}
