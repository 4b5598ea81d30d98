/* Les fonctions que le thème Material attend avant son propre script : la portée du site (le dossier racine,
   donné par l'attribut data-portee) et la lecture ou l'écriture de ses préférences dans le stockage du
   navigateur. Elles sont dans un fichier et non dans la page : la politique de sécurité (CSP) du site refuse
   tout script écrit dans la page. */
(function () {
  "use strict";
  var script = document.currentScript;
  var portee = new URL((script && script.getAttribute("data-portee")) || ".", location);

  function cle(nom, base) {
    return (base || portee).pathname + "." + nom;
  }

  window.__md_scope = portee;
  window.__md_hash = function (texte) {
    var somme = 0;
    for (var i = 0; i < texte.length; i++) {
      somme = ((somme << 5) - somme + texte.charCodeAt(i)) | 0;
    }
    return somme;
  };
  window.__md_get = function (nom, stockage, base) {
    try {
      return JSON.parse((stockage || localStorage).getItem(cle(nom, base)));
    } catch (erreur) {
      return null;
    }
  };
  window.__md_set = function (nom, valeur, stockage, base) {
    try {
      (stockage || localStorage).setItem(cle(nom, base), JSON.stringify(valeur));
    } catch (erreur) {
      /* stockage plein ou refusé (navigation privée, fichier local) : la préférence n'est pas gardée */
    }
  };
})();
