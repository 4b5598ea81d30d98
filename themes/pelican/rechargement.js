/* Live reload for `make serve-pelican` only: the local server (communs.adapters.pelican.serveur) serves this file at
   /__communs/rechargement.js, and the theme names it only while the site is served, never in a built site. The server
   answers /__communs/version with the number of its last build, holding the request until it changes; the page
   reloads itself when it does. Same origin only: the Content-Security-Policy holds. */
(function () {
  "use strict";
  var connue = null;
  function attendre() {
    var adresse = "/__communs/version" + (connue === null ? "" : "?connue=" + encodeURIComponent(connue));
    fetch(adresse, { cache: "no-store" })
      .then(function (reponse) {
        if (!reponse.ok) {
          throw new Error(String(reponse.status));
        }
        return reponse.text();
      })
      .then(function (version) {
        if (connue !== null && version !== connue) {
          window.location.reload();
          return;
        }
        connue = version;
        attendre();
      })
      .catch(function () {
        window.setTimeout(attendre, 2000);
      });
  }
  attendre();
})();
