// The embeddable web form: plain HTML and a small script, no framework, the same on a
// customer's site (the Forms settings copy it) and on the form's hosted page. The script
// times the fill (a post sent under 2 s is a bot's), keeps the honeypot empty for people, and
// sends the page, referrer and UTM marks with the fields. Plain data, no zod: the web app uses it.

export interface SnippetForm {
  formKey: string;
  name: string;
  fields: readonly { key: string; label: string; kind: string; required: boolean }[];
  thankYou: string;
}

/** Words the snippet shows besides the form's own; the Forms page passes the account's language. */
export interface SnippetWords {
  send: string;
  failed: string;
  tooMany: string;
}

const ENGLISH: SnippetWords = {
  send: 'Send',
  failed: 'Could not send; please try again.',
  tooMany: 'Too many requests; try again in a minute.',
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const inputOf = (f: SnippetForm['fields'][number]) => {
  const required = f.required ? ' required' : '';
  const id = `crm-${f.key}`;
  const control =
    f.kind === 'message'
      ? `<textarea id="${id}" name="${f.key}" rows="4"${required}></textarea>`
      : `<input id="${id}" name="${f.key}" type="${f.kind === 'email' ? 'email' : f.kind === 'phone' ? 'tel' : 'text'}"${
          f.kind === 'phone'
            ? ' autocomplete="tel"'
            : f.kind === 'email'
              ? ' autocomplete="email"'
              : f.kind === 'name'
                ? ' autocomplete="name"'
                : ''
        }${required}>`;
  return `  <p><label for="${id}">${escapeHtml(f.label)}${f.required ? ' *' : ''}</label><br>${control}</p>`;
};

/** The snippet for a form posting to `apiBase` (the API's origin, e.g. https://crm.example.com). */
export function formSnippet(form: SnippetForm, apiBase: string, words: SnippetWords = ENGLISH): string {
  const action = `${apiBase.replace(/\/$/, '')}/api/v1/inbound/forms/${encodeURIComponent(form.formKey)}`;
  const text = JSON.stringify({ thankYou: form.thankYou, failed: words.failed, tooMany: words.tooMany }).replace(/</g, '\\u003c');
  return `<form class="crm-form" action="${escapeHtml(action)}" method="post" aria-label="${escapeHtml(form.name)}">
${form.fields.map(inputOf).join('\n')}
  <p style="position:absolute;left:-10000px" aria-hidden="true"><label>Leave empty <input name="_hp" tabindex="-1" autocomplete="off"></label></p>
  <p><button type="submit">${escapeHtml(words.send)}</button></p>
  <p class="crm-form-status" role="status"></p>
</form>
<script>
(function () {
  var form = document.currentScript.previousElementSibling, started = Date.now(), text = ${text};
  var status = form.querySelector('.crm-form-status');
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var body = {}, query = new URLSearchParams(location.search);
    new FormData(form).forEach(function (v, k) { body[k] = String(v); });
    ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'].forEach(function (k) { if (query.get(k)) body[k] = query.get(k); });
    body._fill_ms = Date.now() - started;
    body.pageUrl = location.href;
    if (document.referrer) body.referrer = document.referrer;
    fetch(form.action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) {
        if (r.ok) { form.reset(); status.textContent = text.thankYou; }
        else status.textContent = r.status === 429 ? text.tooMany : text.failed;
      })
      .catch(function () { status.textContent = text.failed; });
  });
})();
</script>`;
}

/** The form's hosted page: the snippet on a page of its own, posting to the API it is served from. */
export function hostedFormPage(form: SnippetForm, apiBase: string, lang = 'en', words?: SnippetWords): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(form.name)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}input,textarea{width:100%;padding:.5rem;box-sizing:border-box}button{padding:.5rem 1.5rem}</style>
</head>
<body>
<main>
<h1>${escapeHtml(form.name)}</h1>
${formSnippet(form, apiBase, words)}
</main>
</body>
</html>
`;
}
