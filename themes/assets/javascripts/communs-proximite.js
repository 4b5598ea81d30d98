/* « Où elle fonctionne » : les lieux les plus proches d'abord.
 *
 * Le cœur (plugins/communs/core/pages/proximite.py) écrit sur chaque lieu sa position (data-position="50.63,3.06")
 * et les territoires où il se trouve (data-dans="nord versant-nord-est …") ; les territoires à choisir, avec la
 * position moyenne de leurs centres, sont un seul fichier du site (proximite/reperes.js, window.communsReperes),
 * chargé avant ce script. Ce script remplit la liste des territoires et, quand le visiteur en choisit un, range les
 * lieux du plus proche au plus lointain (distance à vol d'oiseau, 0 dans le territoire) et écrit la distance de
 * chacun. Sans lui, la liste reste dans l'ordre du cœur : le centre porteur, puis les autres par territoire.
 */
(function () {
  "use strict";

  var bloc = document.querySelector(".communs-ou");
  var choix = bloc && bloc.querySelector(".communs-ou__choix");
  var reperes = window.communsReperes;
  if (!choix || !reperes) return;
  var liste = bloc.querySelector(".communs-ou__liste");
  var menu = choix.querySelector("select");
  var etat = choix.querySelector(".communs-ou__etat");
  var RAYON_TERRE_KM = 6371;
  var positions = {};
  reperes.forEach(function (r) {
    var option = document.createElement("option");
    option.value = r[0];
    option.textContent = r[1];
    menu.appendChild(option);
    positions[r[0]] = [r[2], r[3]];
  });

  function radians(degres) {
    return (degres * Math.PI) / 180;
  }

  function distance(a, b) {
    var h =
      Math.pow(Math.sin(radians(b[0] - a[0]) / 2), 2) +
      Math.cos(radians(a[0])) * Math.cos(radians(b[0])) * Math.pow(Math.sin(radians(b[1] - a[1]) / 2), 2);
    return 2 * RAYON_TERRE_KM * Math.asin(Math.sqrt(h));
  }

  var lieux = Array.prototype.slice.call(liste.children);
  lieux.forEach(function (li, rang) {
    var position = (li.getAttribute("data-position") || "").split(",");
    li.communsPosition = position.length === 2 ? [Number(position[0]), Number(position[1])] : null;
    li.communsDans = (li.getAttribute("data-dans") || "").split(" ");
    li.communsRang = rang;
    var texte = document.createElement("span");
    texte.className = "communs-ou__distance";
    li.appendChild(texte);
  });

  function km(li, territoire) {
    if (!li.communsPosition || !(territoire in positions)) return undefined;
    if (li.communsDans.indexOf(territoire) >= 0) return 0;
    return Math.round(distance(li.communsPosition, positions[territoire]));
  }

  function ranger() {
    var territoire = menu.value;
    var tries = lieux.slice().sort(function (a, b) {
      if (!territoire) return a.communsRang - b.communsRang;
      var da = km(a, territoire);
      var db = km(b, territoire);
      return (da === undefined ? Infinity : da) - (db === undefined ? Infinity : db) || a.communsRang - b.communsRang;
    });
    tries.forEach(function (li) {
      var distanceKm = km(li, territoire);
      var texte = "";
      if (territoire && distanceKm === 0) texte = " · dans ce territoire";
      else if (territoire && distanceKm !== undefined) texte = " · à " + distanceKm + " km";
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
