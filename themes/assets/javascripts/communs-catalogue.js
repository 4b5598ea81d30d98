/* Facettes d'un catalogue (solutions, fiches d'activité).
 *
 * Chaque page du catalogue contient une partie des cartes, lisible sans JavaScript, et des liens vers les autres
 * pages (plugins/communs/core/pages/pagination.py). Ce script charge le fichier de données du catalogue
 * (catalogues/GENRE.js : le formulaire des facettes, et pour chaque élément son numéro dans l'index de recherche,
 * sa page et ses valeurs, écrites par leur rang dans la liste des codes de chaque facette), montre le formulaire, filtre le catalogue entier — toutes pages comprises — met à jour
 * le nombre de résultats et les nombres de chaque valeur, et garde les filtres dans l'adresse de la page
 * (?domaine=…&q=…) pour qu'une liste filtrée puisse être partagée. Les cartes des autres pages viennent, au premier
 * filtre, de catalogues/GENRE-cartes.js. La boîte de texte utilise la même recherche que l'en-tête
 * (communs-recherche.js).
 */
(function () {
  "use strict";

  var bloc = document.querySelector(".communs-catalogue");
  if (!bloc) return;
  var etat = bloc.querySelector(".communs-catalogue__nombre");
  var liste = bloc.querySelector(".communs-catalogue__liste");
  var pagesListe = bloc.querySelector(".communs-pages");
  var genre = bloc.getAttribute("data-genre");
  var pluriel = bloc.getAttribute("data-pluriel");
  var singulier = bloc.getAttribute("data-singulier") || pluriel;
  var pageIci = Number(bloc.getAttribute("data-page") || "1");
  var nombreInitial = etat.textContent;
  var cartesIci = Array.prototype.slice.call(liste.children);

  /* Le chargeur de scripts et la racine du site sont ceux de la recherche (communs-recherche.js, chargé avant) :
   * sans elle, la page garde sa liste et ses liens vers les autres pages. */
  var place = bloc.querySelector(".communs-catalogue__filtres");
  /* Sans le formulaire, sa place (gardée par les styles tant que le script tourne) est rendue à la liste. */
  function sansFormulaire() {
    if (place) place.remove();
  }
  var recherche = window.communsRecherche;
  if (!recherche) {
    sansFormulaire();
    return;
  }
  var RACINE = recherche.racine;
  var chargerScript = recherche.chargerScript;

  function catalogues() {
    return window.communsCatalogues || {};
  }

  var chemin = bloc.getAttribute("data-donnees");
  chargerScript(chemin).then(function () {
    var donnees = catalogues()[genre];
    if (donnees) demarrer(donnees);
    else sansFormulaire();
  }, function () {
    /* Sans le fichier de données, la page garde sa liste et ses liens vers les autres pages. */
    sansFormulaire();
  });

  function demarrer(donnees) {
  /* Le formulaire prend sa place, gardée depuis le premier affichage : les cartes ne bougent pas. */
  if (place) place.insertAdjacentHTML("afterbegin", donnees.formulaire);
  else etat.insertAdjacentHTML("beforebegin", donnees.formulaire);
  var formulaire = bloc.querySelector(".communs-filtres");
  var champ = formulaire.querySelector('input[name="q"]');

  var facettes = Array.prototype.map.call(formulaire.querySelectorAll("fieldset[data-facette]"), function (fieldset) {
    var nom = fieldset.getAttribute("data-facette");
    return {
      nom: nom,
      rang: donnees.facettes.indexOf(nom),
      cases: Array.prototype.slice.call(fieldset.querySelectorAll('input[type="checkbox"]'))
    };
  });

  var rangIci = 0;
  var elements = donnees.elements.map(function (brut, rang) {
    var valeurs = {};
    facettes.forEach(function (f) {
      var codes = donnees.codes[f.rang] || [];
      valeurs[f.nom] = new Set((brut[2 + f.rang] || []).map(function (i) { return codes[i]; }));
    });
    var li = brut[1] === pageIci ? cartesIci[rangIci++] || null : null;
    return { rang: rang, li: li, doc: brut[0], valeurs: valeurs };
  });
  var cartes = null;
  /* Les cartes de tout le catalogue, chargées au premier filtre. */

  function carte(element) {
    if (element.li) return element.li;
    var modele = document.createElement("template");
    modele.innerHTML = cartes[element.rang];
    var li = modele.content.firstElementChild;
    /* Les liens et les images des cartes du fichier partent de la racine du site. */
    Array.prototype.forEach.call(li.querySelectorAll("a[href]"), function (a) {
      a.setAttribute("href", new URL(a.getAttribute("href"), RACINE).href);
    });
    Array.prototype.forEach.call(li.querySelectorAll("img[src]"), function (img) {
      img.setAttribute("src", new URL(img.getAttribute("src"), RACINE).href);
    });
    Array.prototype.forEach.call(li.querySelectorAll("[srcset]"), function (element) {
      var sources = element.getAttribute("srcset").split(",").map(function (morceau) {
        var parties = morceau.trim().split(/\s+/);
        parties[0] = new URL(parties[0], RACINE).href;
        return parties.join(" ");
      });
      element.setAttribute("srcset", sources.join(", "));
    });
    element.li = li;
    return li;
  }

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
    var filtre = champ.value.trim() || facettes.some(function (f) { return selection[f.nom].length; });
    var gardes = filtre ? elements.filter(function (e) { return retenu(e, selection, null); }) : null;
    /* Les cartes de cette page s'affichent tout de suite ; celles des autres pages, dès que leur fichier est là. */
    if (gardes && !cartes && gardes.some(function (e) { return !e.li; })) {
      chargerScript(chemin.replace(/\.js$/, "-cartes.js")).then(function () {
        cartes = catalogues()[genre + "-cartes"] || [];
        afficher();
      }, function () {
        etat.textContent = "La liste complète n'a pas pu se charger : les liens vers les pages restent.";
      });
    }
    var montres = gardes ? gardes.filter(function (e) { return e.li || cartes; }).map(carte) : cartesIci;
    liste.replaceChildren.apply(liste, montres);
    montres.forEach(function (li) { li.hidden = false; });
    if (pagesListe) pagesListe.hidden = Boolean(filtre);
    var visibles = gardes ? gardes.length : elements.length;
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
    if (!filtre) etat.textContent = nombreInitial;
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
  }
})();
