/**
 * The interactive API docs page: Swagger UI served from this process (no CDN). The API description
 * needs credentials, so the page asks for an API key, keeps it in the tab's sessionStorage, and
 * sends it with every request Swagger UI makes. The validator badge is off (it calls swagger.io).
 */

export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>MediAssist API</title>
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
    <link rel="stylesheet" href="/docs/assets/docs.css" />
  </head>
  <body>
    <form id="key-form" class="key-form">
      <strong>MediAssist API</strong>
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" placeholder="mak_…" />
      <button type="submit">Use key</button>
      <span id="key-state" role="status"></span>
    </form>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/assets/docs.js"></script>
  </body>
</html>
`;

export const DOCS_CSS = `.key-form { display: flex; gap: 0.75rem; align-items: center; padding: 0.75rem 1.25rem;
  font-family: sans-serif; border-bottom: 1px solid #ddd; }
.key-form input { width: 22rem; padding: 0.3rem; }
#key-state { color: #555; font-size: 0.9rem; }
`;

export const DOCS_JS = `(function () {
  'use strict';
  var STORAGE = 'mediassist.docs.apiKey';
  function key() { return window.sessionStorage.getItem(STORAGE) || ''; }
  function render() {
    document.getElementById('key-state').textContent = key()
      ? 'Key set for this tab.'
      : 'Enter an API key: the API description needs one.';
    window.SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: true,
      validatorUrl: null,
      requestInterceptor: function (request) {
        if (key() && !request.headers.Authorization) { request.headers['X-API-Key'] = key(); }
        return request;
      },
    });
  }
  document.getElementById('key-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = document.getElementById('api-key');
    window.sessionStorage.setItem(STORAGE, input.value.trim());
    input.value = '';
    render();
  });
  render();
})();
`;
