/* Remet la palette de couleurs qu'un lecteur a choisie (clair ou sombre), avant l'affichage de la page.
   Dans un fichier et non dans la page : la politique de sécurité (CSP) du site refuse tout script écrit
   dans la page. Sans préférence enregistrée, rien ne change. */
(function () {
  "use strict";
  var palette = window.__md_get ? window.__md_get("__palette") : null;
  if (!palette || !palette.color) {
    return;
  }
  var couleurs = palette.color;
  if (couleurs.media === "(prefers-color-scheme)") {
    var clair = window.matchMedia("(prefers-color-scheme: light)").matches;
    var choix = document.querySelector(
      "[data-md-color-media='(prefers-color-scheme: " + (clair ? "light" : "dark") + ")']"
    );
    if (choix) {
      couleurs.media = choix.getAttribute("data-md-color-media");
      couleurs.scheme = choix.getAttribute("data-md-color-scheme");
      couleurs.primary = choix.getAttribute("data-md-color-primary");
      couleurs.accent = choix.getAttribute("data-md-color-accent");
    }
  }
  Object.keys(couleurs).forEach(function (nom) {
    document.body.setAttribute("data-md-color-" + nom, couleurs[nom]);
  });
})();
