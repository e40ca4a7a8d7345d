// Warn before the staff area's idle time limit signs someone out, and let them stay.
// Progressive enhancement: without this script the page says what the limit is, and the
// server signs people out after it either way (earlyhelp/accounts/middleware.py).
const dialog = document.querySelector('[data-session-timeout]')

if (dialog && typeof dialog.showModal === 'function') {
  const statusUrl = dialog.dataset.statusUrl
  const idle = Number(dialog.dataset.idleSeconds)
  const warning = Number(dialog.dataset.warningSeconds)
  const countdown = dialog.querySelector('[data-countdown]')
  const announce = dialog.querySelector('[data-announce]')
  const stayForm = dialog.querySelector('[data-stay-form]')
  let timer = null
  let ticker = null
  let returnFocus = null

  const words = (seconds) => {
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60)
      return `${minutes} minute${minutes === 1 ? '' : 's'}`
    }
    return `${seconds} second${seconds === 1 ? '' : 's'}`
  }

  const schedule = (seconds) => {
    clearTimeout(timer)
    timer = setTimeout(check, Math.max(0, seconds) * 1000)
  }

  // Ask the server (another tab may have kept the session alive) before warning.
  async function check () {
    let left = 0
    try {
      // A signed-out session answers with a redirect: do not follow it here, or the sign-in
      // page would be fetched (and its "you were signed out" message used up) unseen.
      const response = await fetch(statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin', redirect: 'manual' })
      if (!response.ok || !response.headers.get('Content-Type')?.includes('json')) return signedOut()
      left = (await response.json()).secondsLeft
    } catch {
      return schedule(10)
    }
    if (left > warning + 2) return schedule(left - warning)
    open(left)
  }

  function open (left) {
    if (!dialog.open) {
      returnFocus = document.activeElement
      dialog.showModal()
      dialog.querySelector('[data-stay]').focus()
    }
    const end = Date.now() + left * 1000
    let lastSpoken = null
    const tick = () => {
      const seconds = Math.max(0, Math.round((end - Date.now()) / 1000))
      countdown.textContent = words(seconds)
      // Speak sparingly: on opening, each minute, then at 30 and 10 seconds.
      const moment = seconds === 0 ? null : (seconds % 60 === 0 || seconds === 30 || seconds === 10 || lastSpoken === null) ? seconds : null
      if (moment !== null && moment !== lastSpoken) {
        announce.textContent = `For your security, we will sign you out in ${words(seconds)}.`
        lastSpoken = moment
      }
      if (seconds === 0) signedOut()
    }
    clearInterval(ticker)
    tick()
    ticker = setInterval(tick, 1000)
  }

  function signedOut () {
    clearInterval(ticker)
    // The server ends the session on the next request and explains why on the sign-in page.
    setTimeout(() => window.location.reload(), 1500)
  }

  async function stay () {
    const token = stayForm.querySelector('input[name=csrfmiddlewaretoken]').value
    const response = await fetch(statusUrl, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRFToken': token },
      credentials: 'same-origin',
      redirect: 'manual'
    })
    if (!response.ok || !response.headers.get('Content-Type')?.includes('json')) return signedOut()
    const left = (await response.json()).secondsLeft
    clearInterval(ticker)
    announce.textContent = ''
    dialog.close()
    if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus()
    schedule(left - warning)
  }

  stayForm.addEventListener('submit', (event) => {
    event.preventDefault()
    stay()
  })
  // Escape means "stay signed in", not "ignore the warning".
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    stay()
  })
  schedule(idle - warning)
}
