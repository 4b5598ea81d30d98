/* « Où elle fonctionne » : les lieux les plus proches d'abord.
 *
 * Le cœur (plugins/communs/core/pages/proximite.py) écrit sur chaque lieu ses distances en kilomètres aux
 * territoires du réseau (data-km="boulonnais:0 calaisis:31 …"). Ce script montre la liste des territoires et, quand
 * le visiteur en choisit un, range les lieux du plus proche au plus lointain et écrit la distance de chacun. Sans
 * lui, la liste reste dans l'ordre du cœur : le centre porteur, puis les autres par territoire.
 */
(function () {
  "use strict";

  var bloc = document.querySelector(".communs-ou");
  var choix = bloc && bloc.querySelector(".communs-ou__choix");
  if (!choix) return;
  var liste = bloc.querySelector(".communs-ou__liste");
  var menu = choix.querySelector("select");
  var etat = choix.querySelector(".communs-ou__etat");
  var lieux = Array.prototype.slice.call(liste.children);
  lieux.forEach(function (li, rang) {
    var km = {};
    (li.getAttribute("data-km") || "").split(" ").forEach(function (paire) {
      var morceaux = paire.split(":");
      if (morceaux.length === 2) km[morceaux[0]] = Number(morceaux[1]);
    });
    li.communsKm = km;
    li.communsRang = rang;
    var distance = document.createElement("span");
    distance.className = "communs-ou__distance";
    li.appendChild(distance);
  });

  function ranger() {
    var territoire = menu.value;
    var tries = lieux.slice().sort(function (a, b) {
      if (!territoire) return a.communsRang - b.communsRang;
      var da = territoire in a.communsKm ? a.communsKm[territoire] : Infinity;
      var db = territoire in b.communsKm ? b.communsKm[territoire] : Infinity;
      return da - db || a.communsRang - b.communsRang;
    });
    tries.forEach(function (li) {
      var km = li.communsKm[territoire];
      var texte = "";
      if (territoire && km === 0) texte = " · dans ce territoire";
      else if (territoire && km !== undefined) texte = " · à " + km + " km";
      li.lastChild.textContent = texte;
      liste.appendChild(li);
    });
    var nom = menu.options[menu.selectedIndex].text;
    etat.textContent = territoire ? "Les lieux les plus proches de " + nom + " sont en tête de la liste." : "";
  }

  menu.addEventListener("change", ranger);
  choix.hidden = false;
  if (menu.value) ranger();
})();
