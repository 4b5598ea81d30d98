/* Facettes d'un catalogue (solutions, fiches d'activité).
 *
 * La page contient déjà toute la liste, lisible sans JavaScript, et pour chaque élément ses valeurs dans des
 * attributs data-* (écrits par plugins/communs/core/filtres.py). Ce script montre le formulaire, filtre la
 * liste, met à jour le nombre de résultats et les nombres de chaque valeur, et garde les filtres dans
 * l'adresse de la page (?domaine=…&q=…) pour qu'une liste filtrée puisse être partagée.
 * La boîte de texte utilise la même recherche que l'en-tête (communs-recherche.js).
 */
(function () {
  "use strict";

  var bloc = document.querySelector(".communs-catalogue");
  if (!bloc) return;
  var formulaire = bloc.querySelector(".communs-filtres");
  var etat = bloc.querySelector(".communs-catalogue__nombre");
  var champ = formulaire.querySelector('input[name="q"]');
  var genre = bloc.getAttribute("data-genre");
  var pluriel = bloc.getAttribute("data-pluriel");
  var singulier = bloc.getAttribute("data-singulier") || pluriel;

  var facettes = Array.prototype.map.call(formulaire.querySelectorAll("fieldset[data-facette]"), function (fieldset) {
    var nom = fieldset.getAttribute("data-facette");
    return {
      nom: nom,
      cases: Array.prototype.slice.call(fieldset.querySelectorAll('input[type="checkbox"]'))
    };
  });

  var elements = Array.prototype.map.call(bloc.querySelectorAll(".communs-catalogue__liste > li"), function (li) {
    var valeurs = {};
    facettes.forEach(function (f) {
      var brut = li.getAttribute("data-" + f.nom);
      valeurs[f.nom] = new Set(brut ? brut.split(" ") : []);
    });
    var doc = li.getAttribute("data-doc");
    return { li: li, doc: doc === null ? null : Number(doc), valeurs: valeurs };
  });

  var texte = null;
  /* Numéros des pages trouvées par la boîte de texte, ou null sans texte. */
  var requeteEnCours = 0;

  function choix() {
    var selection = {};
    facettes.forEach(function (f) {
      selection[f.nom] = f.cases.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
    });
    return selection;
  }

  function retenu(element, selection, sauf) {
    if (texte && (element.doc === null || !texte.has(element.doc))) return false;
    return facettes.every(function (f) {
      if (f.nom === sauf || !selection[f.nom].length) return true;
      return selection[f.nom].some(function (v) { return element.valeurs[f.nom].has(v); });
    });
  }

  function nombre(n) {
    return n + " " + (n === 1 ? singulier : pluriel);
  }

  function afficher() {
    var selection = choix();
    var visibles = 0;
    elements.forEach(function (e) {
      var garde = retenu(e, selection, null);
      e.li.hidden = !garde;
      if (garde) visibles++;
    });
    facettes.forEach(function (f) {
      f.cases.forEach(function (c) {
        var n = 0;
        elements.forEach(function (e) {
          if (e.valeurs[f.nom].has(c.value) && retenu(e, selection, f.nom)) n++;
        });
        var compte = c.parentNode.querySelector(".communs-facette__nombre");
        if (compte) compte.textContent = "(" + n + ")";
        c.parentNode.parentNode.classList.toggle("communs-facette__vide", n === 0 && !c.checked);
      });
    });
    var filtre = champ.value.trim() || facettes.some(function (f) { return selection[f.nom].length; });
    if (!filtre) etat.textContent = nombre(elements.length) + ".";
    else if (!visibles) etat.textContent = "Aucun résultat sur " + nombre(elements.length) + " : retirez un filtre.";
    else etat.textContent = nombre(visibles) + " sur " + elements.length + ".";
    memoriser(selection);
  }

  /* L'état dans l'adresse : ?q=robots&domaine=a,b */
  function memoriser(selection) {
    var parametres = new URLSearchParams();
    if (champ.value.trim()) parametres.set("q", champ.value.trim());
    facettes.forEach(function (f) {
      if (selection[f.nom].length) parametres.set(f.nom, selection[f.nom].join(","));
    });
    var requete = parametres.toString();
    var adresse = location.pathname + (requete ? "?" + requete : "") + location.hash;
    if (adresse === location.pathname + location.search + location.hash) return;
    try {
      history.replaceState(history.state, "", adresse);
    } catch (erreur) {
      /* Certains navigateurs refusent de changer l'adresse d'un fichier local : les filtres marchent quand même. */
    }
  }

  function relire() {
    var parametres = new URLSearchParams(location.search);
    champ.value = parametres.get("q") || "";
    facettes.forEach(function (f) {
      var voulues = (parametres.get(f.nom) || "").split(",");
      f.cases.forEach(function (c) { c.checked = voulues.indexOf(c.value) >= 0; });
    });
  }

  function filtrerTexte() {
    var requete = champ.value;
    var numero = ++requeteEnCours;
    if (!requete.trim()) {
      texte = null;
      afficher();
      return;
    }
    etat.textContent = "Recherche en cours…";
    window.communsRecherche
      .chercher(requete, { genre: genre })
      .then(function (reponse) {
        if (numero !== requeteEnCours) return;
        texte = new Set(reponse.resultats.map(function (r) { return r.numero; }));
        if (!reponse.mots.length) texte = null;
        afficher();
      })
      .catch(function () {
        etat.textContent = "La recherche n'a pas pu se charger ; les cases à cocher filtrent toujours la liste.";
      });
  }

  var attente = null;
  formulaire.addEventListener("change", function (evenement) {
    if (evenement.target !== champ) afficher();
  });
  champ.addEventListener("input", function () {
    clearTimeout(attente);
    attente = setTimeout(filtrerTexte, 120);
  });
  formulaire.addEventListener("submit", function (evenement) {
    evenement.preventDefault();
    filtrerTexte();
  });
  formulaire.addEventListener("reset", function () {
    setTimeout(function () {
      texte = null;
      afficher();
    }, 0);
  });

  /* Sur un téléphone, les facettes se replient dans « Filtrer » (ouvert d'office sur un grand écran). */
  var panneau = formulaire.querySelector(".communs-filtres__panneau");
  var telephone = window.matchMedia("(max-width: 44.9375em)");
  if (panneau) panneau.open = !telephone.matches;

  relire();
  formulaire.hidden = false;
  if (champ.value.trim()) filtrerTexte();
  else afficher();
})();
