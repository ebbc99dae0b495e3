/** Message namespace shared by the admin page and the App Bridge stand-in script. */
export const BRIDGE_NAMESPACE = "shopify-standin";

/**
 * Served at `/cdn/app-bridge.js` in place of `https://cdn.shopify.com/shopifycloud/app-bridge.js`.
 * Implements what the app uses of App Bridge v4 (`window.shopify`): `idToken()` from the admin frame,
 * `toast`, `loading`, `config`, authenticated same-origin `fetch` with Shopify's retry/reauthorize
 * headers, navigation (`ui-nav-menu`, `shopify:navigate`), `window.open(_top)` redirects, and the
 * library's bounce page (`shopify-reload`).
 */
export function appBridgeScript(): string {
  return `(function () {
  "use strict";
  if (window.shopify && window.shopify.__standIn) return;
  var NS = ${JSON.stringify(BRIDGE_NAMESPACE)};
  var script = document.currentScript;
  var standInOrigin = script && script.src ? new URL(script.src).origin : location.origin;
  var apiKey = (script && script.getAttribute("data-api-key")) || "";
  var params = new URLSearchParams(location.search);
  var embedded = window.top !== window.self;
  function remember(key) {
    var value = params.get(key);
    try {
      if (value) sessionStorage.setItem("shopify-standin:" + key, value);
      return value || sessionStorage.getItem("shopify-standin:" + key) || "";
    } catch (e) { return value || ""; }
  }
  var shop = remember("shop");
  var host = remember("host");
  var locale = remember("locale") || "en";
  var EMBED_PARAMS = ["embedded", "hmac", "host", "id_token", "locale", "session", "shop", "timestamp", "shopify-reload", "appLoadId"];

  function post(message) {
    message.ns = NS;
    if (embedded) window.parent.postMessage(message, standInOrigin);
  }

  if (!embedded && shop && apiKey && !params.get("shopify-reload")) {
    // Like App Bridge: an embedded app opened outside the admin is sent back into it.
    var path = new URL(location.href);
    EMBED_PARAMS.forEach(function (name) { path.searchParams.delete(name); });
    location.replace(standInOrigin + "/" + shop + "/admin/apps/" + apiKey + path.pathname.replace(/\\/$/, "") + path.search);
    return;
  }

  var pending = {};
  var sequence = 0;
  var cachedToken = null;
  var cachedExpiry = 0;
  function expiryOf(token) {
    try {
      var body = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(body)).exp * 1000;
    } catch (e) { return 0; }
  }
  function idToken() {
    if (cachedToken && Date.now() < cachedExpiry - 10000) return Promise.resolve(cachedToken);
    return new Promise(function (resolve, reject) {
      var id = ++sequence;
      pending[id] = function (token) {
        cachedToken = token;
        cachedExpiry = expiryOf(token);
        resolve(token);
      };
      post({ type: "idToken", requestId: id });
      setTimeout(function () {
        if (pending[id]) { delete pending[id]; reject(new Error("App Bridge: no session token from the admin")); }
      }, 10000);
    });
  }

  function absolute(url) { return new URL(String(url), location.href).toString(); }
  function redirectTop(url) { post({ type: "redirect", url: absolute(url) }); }

  function navigateTo(href) {
    var menu = document.querySelector("ui-nav-menu");
    if (!menu) { location.assign(href); return; }
    var anchor = null;
    menu.querySelectorAll("a").forEach(function (a) { if (a.getAttribute("href") === href) anchor = a; });
    var temporary = !anchor;
    if (temporary) {
      anchor = document.createElement("a");
      anchor.setAttribute("href", href);
      anchor.hidden = true;
      menu.appendChild(anchor);
    }
    anchor.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
    if (temporary) anchor.remove();
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== standInOrigin || !data || data.ns !== NS) return;
    if (data.type === "idToken:reply" && pending[data.requestId]) {
      var done = pending[data.requestId];
      delete pending[data.requestId];
      done(data.token);
    } else if (data.type === "navigate") {
      navigateTo(data.href);
    }
  });

  var originalFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    var request = new Request(input, init);
    var sameOrigin = new URL(request.url, location.href).origin === location.origin;
    if (!sameOrigin || request.headers.has("Authorization")) return originalFetch(request);
    var retryCopy = request.clone();
    return idToken().then(function (token) {
      request.headers.set("Authorization", "Bearer " + token);
      return originalFetch(request);
    }).then(function (response) {
      var reauthorizeUrl = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
      if (response.status === 401 && reauthorizeUrl) { redirectTop(reauthorizeUrl); return response; }
      if (response.status === 401 && response.headers.get("X-Shopify-Retry-Invalid-Session-Request") === "1") {
        cachedToken = null;
        return idToken().then(function (fresh) {
          retryCopy.headers.set("Authorization", "Bearer " + fresh);
          return originalFetch(retryCopy);
        });
      }
      return response;
    });
  };

  var originalOpen = window.open.bind(window);
  window.open = function (url, target, features) {
    if (target === "_top" || target === "_parent") { redirectTop(url); return null; }
    return originalOpen(url, target, features);
  };

  document.addEventListener("click", function (event) {
    var anchor = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!anchor || event.defaultPrevented) return;
    var href = anchor.getAttribute("href");
    var target = anchor.getAttribute("target");
    if (/^shopify:/i.test(href) || target === "_top" || target === "_parent") {
      event.preventDefault();
      redirectTop(href.replace(/^shopify:\\/*admin\\//i, "https://admin.shopify.com/store/" + shop.replace(".myshopify.com", "") + "/"));
    }
  }, true);

  function reportLocation() {
    var url = new URL(location.href);
    EMBED_PARAMS.forEach(function (name) { url.searchParams.delete(name); });
    post({ type: "location", path: url.pathname + url.search + url.hash });
  }
  ["pushState", "replaceState"].forEach(function (name) {
    var original = history[name].bind(history);
    history[name] = function () {
      var result = original.apply(null, arguments);
      reportLocation();
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);

  function reportChrome() {
    var items = [];
    document.querySelectorAll("ui-nav-menu a").forEach(function (a) {
      if (a.getAttribute("rel") === "home" || a.hidden) return;
      items.push({ label: a.textContent.trim(), href: a.getAttribute("href") });
    });
    post({ type: "navMenu", items: items });
    var titleBar = document.querySelector("ui-title-bar");
    post({ type: "title", title: titleBar ? titleBar.getAttribute("title") || "" : document.title });
  }

  var toastSequence = 0;
  window.shopify = {
    __standIn: true,
    config: { apiKey: apiKey, shop: shop, host: host, locale: locale },
    environment: { embedded: embedded, mobile: false, pos: false },
    origin: standInOrigin,
    idToken: idToken,
    toast: {
      show: function (message, options) {
        var id = "toast-" + ++toastSequence;
        post({ type: "toast", id: id, message: String(message), isError: Boolean(options && options.isError), duration: (options && options.duration) || 5000 });
        return id;
      },
      hide: function (id) { post({ type: "toast:hide", id: id }); },
    },
    loading: function (isLoading) { post({ type: "loading", on: isLoading !== false }); },
    modal: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () { return Promise.resolve(); } },
    saveBar: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () { return Promise.resolve(); }, leaveConfirmation: function () { return Promise.resolve(); } },
    resourcePicker: function () { return Promise.resolve(undefined); },
    user: function () { return Promise.resolve({ accountAccess: "Account owner" }); },
  };

  var reload = params.get("shopify-reload");
  if (reload) {
    // The library's bounce page: come back with a fresh session token in the URL.
    idToken().then(function (token) {
      var target = new URL(reload, location.href);
      target.searchParams.set("id_token", token);
      location.replace(target.toString());
    });
    return;
  }

  // Like App Bridge, the admin draws the app's menu and title bar; inside the frame they render nothing.
  function hideChromeElements() {
    var style = document.createElement("style");
    style.textContent = "ui-nav-menu, ui-title-bar { display: none !important; }";
    document.head.appendChild(style);
  }

  function start() {
    hideChromeElements();
    reportLocation();
    reportChrome();
    new MutationObserver(reportChrome).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["title", "href"] });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
`;
}
