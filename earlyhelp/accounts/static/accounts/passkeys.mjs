// Passkeys (WebAuthn) on the challenge, passkey prompt and sign-in methods pages.
// Progressive enhancement: the buttons stay hidden unless this browser can use passkeys;
// the authenticator-app code always works without JavaScript.
const toBytes = (text) => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0))
}

const toText = (buffer) => {
  const bytes = new Uint8Array(buffer)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const csrfToken = () => document.querySelector('input[name=csrfmiddlewaretoken]')?.value ?? ''

async function post (url, body) {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRFToken': csrfToken() },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const data = await response.json().catch(() => ({}))
  if (!response.ok) throw new Error(data.error || 'Something went wrong. Try again.')
  return data
}

const descriptors = (list) => (list || []).map((c) => ({ ...c, id: toBytes(c.id) }))

async function register (box) {
  const options = await post(box.dataset.optionsUrl)
  const credential = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: toBytes(options.challenge),
      user: { ...options.user, id: toBytes(options.user.id) },
      excludeCredentials: descriptors(options.excludeCredentials)
    }
  })
  const response = credential.response
  return post(box.dataset.url, {
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: toText(response.clientDataJSON),
      attestationObject: toText(response.attestationObject),
      transports: typeof response.getTransports === 'function' ? response.getTransports() : []
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment
  })
}

async function authenticate (box) {
  const options = await post(box.dataset.optionsUrl)
  const credential = await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: toBytes(options.challenge),
      allowCredentials: descriptors(options.allowCredentials)
    }
  })
  const response = credential.response
  return post(box.dataset.url, {
    id: credential.id,
    rawId: toText(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: toText(response.clientDataJSON),
      authenticatorData: toText(response.authenticatorData),
      signature: toText(response.signature),
      userHandle: response.userHandle ? toText(response.userHandle) : null
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment
  })
}

function wire (box, ceremony) {
  const button = box.querySelector('[data-passkey-button]')
  const error = box.querySelector('[data-passkey-error]')
  box.hidden = false
  button.addEventListener('click', async () => {
    error.hidden = true
    button.disabled = true
    try {
      const result = await ceremony(box)
      window.location.assign(result.next)
    } catch (problem) {
      const cancelled = problem && problem.name === 'NotAllowedError'
      error.textContent = cancelled ? 'The passkey was not used. Try again, or enter a code from your app.' : problem.message
      error.hidden = false
      button.disabled = false
    }
  })
}

if (window.PublicKeyCredential && navigator.credentials) {
  document.querySelectorAll('[data-passkey-register]').forEach((box) => wire(box, register))
  document.querySelectorAll('[data-passkey-authenticate]').forEach((box) => wire(box, authenticate))
}
