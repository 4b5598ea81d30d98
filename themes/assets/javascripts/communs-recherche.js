/* Recherche en français du commun des Centres Sociaux Connectés.
 *
 * L'index est construit au moment de la construction du site, en Python (plugins/communs/core/recherche/) :
 * le navigateur n'indexe rien. Il prend à lunr.js sa racinisation française et ses recherches à une faute près, et
 * calcule lui-même, sur les occurrences, les scores que la requête de lunr donnerait (Moteur.trouver). Les fichiers
 * sont chargés par des balises <script> (et non fetch()), ce qui marche aussi depuis un dossier.
 *
 * - recherche/index.js : les termes (racines françaises), leurs formes et les longueurs des champs ;
 * - recherche/postes-N.js : les occurrences d'une suite de termes voisins, chargées pour les termes d'une requête ;
 * - recherche/pages-N.js : titre, type, adresse et ligne de contexte des pages, chargés pour les résultats affichés.
 *
 * Une requête est pliée comme le texte indexé (sans accent ni majuscule), ses synonymes remplacés, ses mots
 * vides retirés, puis chaque mot cherché par sa racine, par le début du mot s'il est en cours de frappe,
 * et, s'il fait cinq lettres ou plus et n'existe pas, à une faute de frappe près.
 */
(function () {
  "use strict";

  var DONNEES = "communsRechercheDonnees";
  var K1 = 1.2;
  var B = 0.75;
  var CHIFFRES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var VALEUR = {};
  var CODES = new Int8Array(128);  /* le chiffre de chaque caractère, par son code : le décodage des occurrences */
  for (var c = 0; c < CHIFFRES.length; c++) {
    VALEUR[CHIFFRES.charAt(c)] = c;
    CODES[CHIFFRES.charCodeAt(c)] = c;
  }
  var AUCUNE = Object.freeze({});
  var LOT = 10;
  var PARTIELS_SI_MOINS_DE = 5;
  var PREFIXES_MAX = 40;

  function racineDuSite() {
    var meta = document.querySelector('meta[name="communs-racine"]');
    var base = meta ? meta.getAttribute("content") : ".";
    return new URL((base || ".").replace(/\/?$/, "/"), document.baseURI).href;
  }

  var RACINE = racineDuSite();

  /* « L'Écran du cœur » -> « l ecran du coeur » : comme plier() en Python (texte.py). */
  function plier(texte) {
    return String(texte)
      .replace(/[œŒ]/g, "oe")
      .replace(/[æÆ]/g, "ae")
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }

  /* Les nombres d'un texte, chacun en chiffres de base 32 (le dernier chiffre < 32) ; `n`, leur nombre quand il est
   * connu (les longueurs des champs des pages) : un tableau typé fait d'avance. */
  function decoder(texte, n) {
    var valeurs = n === undefined ? [] : new Int32Array(n);
    var k = 0;
    var valeur = 0;
    var poids = 1;
    for (var i = 0; i < texte.length; i++) {
      var chiffre = CODES[texte.charCodeAt(i)];
      valeur += (chiffre & 31) * poids;
      if (chiffre >= 32) {
        poids *= 32;
      } else {
        valeurs[k++] = valeur;
        valeur = 0;
        poids = 1;
      }
    }
    return valeurs;
  }

  var scripts = {};

  function chargerScript(chemin) {
    if (!scripts[chemin]) {
      scripts[chemin] = new Promise(function (resoudre, rejeter) {
        var script = document.createElement("script");
        script.src = new URL(chemin, RACINE).href;
        script.async = false;
        script.onload = resoudre;
        script.onerror = function () {
          delete scripts[chemin];
          rejeter(new Error("Impossible de charger " + chemin));
        };
        document.head.appendChild(script);
      });
    }
    return scripts[chemin];
  }

  function donnee(cle) {
    return (window[DONNEES] || {})[cle];
  }

  /* Le moteur : les termes de l'index, et les occurrences et scores BM25 de chaque terme (ceux que le paquet Python
   * lunr calcule), décodés la première fois qu'une requête le désigne. L'index lunr entier peut en être reconstruit
   * (indexComplet, pour les tests) ; une requête n'en a pas besoin : le score d'une page ne dépend que des termes de
   * la requête (lunr.Vector.similarity), que Moteur.trouver calcule comme lunr. */
  function Moteur(d) {
    this.d = d;
    this.n = d.documents;
    this.tranche = d.tranche;
    this.genres = d.genres;
    this.genreParPage = d.genreParPage;
    this.longueurMin = d.longueurMin;
    this.vides = new Set(d.vides);
    this.termes = d.termes ? d.termes.split(" ") : [];
    this.formes = d.formes.split(";");
    this.stemmer = window.lunr.fr.stemmer;
    this.champs = d.champs.map(function (x) { return x[0]; });
    this.boosts = d.champs.map(function (x) { return x[1]; });
    this.debuts = d.postesDebuts;
    this.postesBruts = [];
    this.postes = Object.create(null);
    this.longueurs = null;
    this.moyennes = null;
    this.tousLesTermes = null;
    /* Une phrase de synonymes et son jeton ; le jeton est omis quand c'est la phrase sans ses espaces. */
    this.synonymes = Object.create(null);
    this.motsMax = 0;
    for (var i = 0; i < d.synonymes.length; i++) {
      var phrase = d.synonymes[i][0];
      this.synonymes[phrase] = d.synonymes[i].length > 1 ? d.synonymes[i][1] : phrase.replace(/ /g, "");
      this.motsMax = Math.max(this.motsMax, phrase.split(" ").length);
    }
    this.surfaces = null;
  }

  /* Les longueurs des champs de chaque page et leurs moyennes (BM25), décodées une fois. */
  Moteur.prototype.normes = function () {
    if (!this.longueurs) {
      var n = this.n;
      this.longueurs = this.d.longueurs.map(function (texte) { return decoder(texte, n); });
      this.moyennes = this.longueurs.map(function (l) {
        var somme = 0;
        for (var i = 0; i < l.length; i++) somme += l[i];
        return n ? somme / n : 0;
      });
    }
  };

  /* Le terme n°t : son entrée de l'index inversé de lunr et, par champ, ses pages et leurs scores. */
  Moteur.prototype.poste = function (t) {
    if (this.postes[t]) return this.postes[t];
    this.normes();
    var fichier = this.fichierDesPostes(t);
    var bruts = this.postesBruts[fichier] || (this.postesBruts[fichier] = donnee("postes-" + fichier).split(";"));
    var champs = this.champs;
    var parties = bruts[t - this.debuts[fichier]].split(",");
    var listes = [];
    var documents = 0;
    var f, i, liste;
    for (f = 0; f < champs.length; f++) {
      var brut = decoder(parties[f] || "");
      liste = [];
      var numero = 0;
      for (i = 0; i < brut.length; i++) {
        numero += brut[i] >> 1;
        var frequence = brut[i] & 1 ? brut[++i] : 1;
        liste.push(numero, frequence);
      }
      listes.push(liste);
      documents += liste.length / 2;
    }
    var n = this.n;
    var idf = Math.log(1 + Math.abs((n - documents + 0.5) / (documents + 0.5)));
    var scores = [];
    for (f = 0; f < champs.length; f++) {
      var parChamp = [];
      liste = listes[f];
      for (i = 0; i < liste.length; i += 2) {
        var doc = liste[i];
        var tf = liste[i + 1];
        var score = idf * ((K1 + 1) * tf) /
          (K1 * (1 - B + B * (this.longueurs[f][doc] / this.moyennes[f])) + tf) * this.boosts[f];
        parChamp.push(doc, Math.round(score * 1000) / 1000);
      }
      scores.push(parChamp);
    }
    this.postes[t] = { scores: scores };
    return this.postes[t];
  };

  /* Le numéro du fichier recherche/postes-N.js qui a les occurrences du terme n°t. */
  Moteur.prototype.fichierDesPostes = function (t) {
    var fichier = 0;
    while (fichier + 1 < this.debuts.length && this.debuts[fichier + 1] <= t) fichier++;
    return fichier;
  };

  /* Charge les fichiers d'occurrences des termes `termes` (ceux qui ne le sont pas encore). */
  Moteur.prototype.preparer = function (termes) {
    var moteur = this;
    var fichiers = [];
    termes.forEach(function (terme) {
      var fichier = moteur.fichierDesPostes(moteur.numero(terme));
      if (fichiers.indexOf(fichier) < 0) fichiers.push(fichier);
    });
    return Promise.all(fichiers.map(function (f) { return chargerScript("recherche/postes-" + f + ".js"); }));
  };

  /* L'index lunr des termes `termes` (des termes de l'index) : tous les termes donnent l'index entier. */
  Moteur.prototype.indexPour = function (termes) {
    var moteur = this;
    var numeros = termes.map(function (terme) { return moteur.numero(terme); }).sort(function (a, b) { return a - b; });
    var inverse = Object.create(null);
    var vecteurs = Object.create(null);
    for (var k = 0; k < numeros.length; k++) {
      var t = numeros[k];
      var poste = this.poste(t);
      var entree = { _index: t };
      for (var f = 0; f < this.champs.length; f++) {
        var scores = poste.scores[f];
        var occurrences = {};
        for (var i = 0; i < scores.length; i += 2) {
          occurrences[scores[i]] = AUCUNE;
          var cle = this.champs[f] + "/" + scores[i];
          (vecteurs[cle] = vecteurs[cle] || []).push(t, scores[i + 1]);
        }
        entree[this.champs[f]] = occurrences;
      }
      inverse[this.termes[t]] = entree;
    }
    var champsVecteurs = Object.create(null);
    for (var cle2 in vecteurs) champsVecteurs[cle2] = new window.lunr.Vector(vecteurs[cle2]);
    return new window.lunr.Index({
      invertedIndex: inverse,
      fieldVectors: champsVecteurs,
      tokenSet: window.lunr.TokenSet.fromArray(termes.slice().sort()),
      fields: this.champs,
      pipeline: new window.lunr.Pipeline()
    });
  };

  /* L'index entier, tel que Python le construit (les tests le comparent) : une promesse. */
  Moteur.prototype.indexComplet = function () {
    var moteur = this;
    return this.preparer(this.termes).then(function () { return moteur.indexPour(moteur.termes); });
  };

  /* Le premier terme (numéro) qui n'est pas avant `mot` : les termes sont triés (ASCII), une recherche dichotomique
   * plutôt qu'un dictionnaire de tous les termes à bâtir au chargement. */
  Moteur.prototype.rang = function (mot) {
    var termes = this.termes;
    var bas = 0;
    var haut = termes.length;
    while (bas < haut) {
      var milieu = (bas + haut) >> 1;
      if (termes[milieu] < mot) bas = milieu + 1;
      else haut = milieu;
    }
    return bas;
  };

  /* Le numéro du terme `terme`, ou undefined s'il n'est pas dans l'index. */
  Moteur.prototype.numero = function (terme) {
    var t = this.rang(terme);
    return this.termes[t] === terme ? t : undefined;
  };

  /* Les termes qui commencent par `debut` (ils se suivent : les termes sont triés), dans l'ordre où lunr les donne
   * (l'intersection de l'ensemble de tous les termes avec « debut* », puis TokenSet.toArray) sans bâtir d'ensemble :
   * toArray parcourt l'arbre des lettres en profondeur, un mot avant ceux qu'il commence, et, là où deux mots
   * diffèrent, la lettre la plus grande d'abord (la dernière arête empilée est la première dépilée). */
  Moteur.prototype.commencantPar = function (debut) {
    var termes = this.termes;
    var bas = this.rang(debut);
    var fin = bas;
    while (fin < termes.length && termes[fin].slice(0, debut.length) === debut) fin++;
    return termes.slice(bas, fin).sort(function (a, b) {
      for (var i = 0; i < a.length && i < b.length; i++) {
        if (a.charCodeAt(i) !== b.charCodeAt(i)) return b.charCodeAt(i) - a.charCodeAt(i);
      }
      return a.length - b.length;
    });
  };

  /* Tous les termes de l'index, pour les chercher à une faute près. */
  Moteur.prototype.ensemble = function () {
    if (!this.tousLesTermes) this.tousLesTermes = window.lunr.TokenSet.fromArray(this.termes);
    return this.tousLesTermes;
  };

  /* Le type d'une page (« prototype », « fiche »…), sans charger ses détails. */
  Moteur.prototype.genreDe = function (numero) {
    return this.genres[VALEUR[this.genreParPage.charAt(numero)]][0];
  };

  Moteur.prototype.racine = function (mot) {
    return this.stemmer(new window.lunr.Token(mot)).toString();
  };

  /* Les mots d'une requête, pliés, synonymes remplacés, sans mots vides ni mots trop courts. */
  Moteur.prototype.mots = function (requete) {
    var plie = this.remplacer(plier(requete));
    var vus = new Set();
    var moteur = this;
    return plie.split(" ").filter(function (mot) {
      if (mot.length < moteur.longueurMin || moteur.vides.has(mot) || vus.has(mot)) return false;
      vus.add(mot);
      return true;
    });
  };

  /* Chaque phrase de synonymes remplacée par son jeton, comme Synonymes.remplacer en Python (analyse.py) : de
   * gauche à droite, à chaque début de mot la phrase la plus longue, suivie ou non d'un s ou d'un x. Mot à mot
   * dans un dictionnaire plutôt qu'une expression régulière de toutes les phrases (des milliers : longue à bâtir). */
  Moteur.prototype.remplacer = function (plie) {
    if (!this.motsMax || !plie) return plie;
    var mots = plie.split(" ");
    var sortie = [];
    var i = 0;
    while (i < mots.length) {
      var trouve = 0;
      for (var n = Math.min(this.motsMax, mots.length - i); n > 0 && !trouve; n--) {
        var phrase = mots.slice(i, i + n).join(" ");
        var jeton = this.synonymes[phrase];
        if (jeton === undefined && /[sx]$/.test(phrase)) jeton = this.synonymes[phrase.slice(0, -1)];
        if (jeton !== undefined) {
          sortie.push(jeton);
          trouve = n;
        }
      }
      if (!trouve) sortie.push(mots[i]);
      i += trouve || 1;
    }
    return sortie.join(" ");
  };

  /* Les mots des pages (et pas seulement leurs racines), pour corriger une faute de frappe. */
  Moteur.prototype.lexique = function () {
    if (!this.surfaces) {
      var vers = Object.create(null);
      for (var t = 0; t < this.termes.length; t++) {
        var terme = this.termes[t];
        (vers[terme] = vers[terme] || []).push(terme);
        if (!this.formes[t]) continue;
        var formes = this.formes[t].split(",");
        for (var i = 0; i < formes.length; i++) {
          var forme = formes[i].charAt(0) === "=" ? formes[i].slice(1) : terme + formes[i];
          (vers[forme] = vers[forme] || []).push(terme);
        }
      }
      var mots = Object.keys(vers).sort();
      this.surfaces = { vers: vers, ensemble: window.lunr.TokenSet.fromArray(mots) };
    }
    return this.surfaces;
  };

  Moteur.prototype.developper = function (motif, ensemble) {
    return (ensemble || this.ensemble()).intersect(motif).toArray();
  };

  /* Les termes de l'index qu'un mot de la requête peut désigner, avec leur poids. */
  Moteur.prototype.candidats = function (mot, enCours) {
    var lunr = window.lunr;
    var candidats = new Map();
    var racine = this.racine(mot);
    if (this.numero(racine) !== undefined) candidats.set(racine, 10);
    if (enCours) {
      var debuts = this.commencantPar(racine);
      for (var i = 0; i < debuts.length && i < PREFIXES_MAX; i++) {
        if (!candidats.has(debuts[i])) candidats.set(debuts[i], 3);
      }
    }
    if (!candidats.has(racine) && mot.length >= 5) {
      var lexique = this.lexique();
      var proches = this.developper(lunr.TokenSet.fromFuzzyString(mot, 1), lexique.ensemble);
      for (i = 0; i < proches.length; i++) {
        lexique.vers[proches[i]].forEach(function (terme) { if (!candidats.has(terme)) candidats.set(terme, 4); });
      }
      var voisines = this.developper(lunr.TokenSet.fromFuzzyString(racine, 1));
      for (i = 0; i < voisines.length; i++) if (!candidats.has(voisines[i])) candidats.set(voisines[i], 4);
    }
    return candidats;
  };

  /* Les pages où paraît au moins un terme des groupes `groupes` (des Map terme -> poids, chargés), les meilleures
   * d'abord : [{numero, score, couverts}] (couverts : les groupes qui y ont un terme). Le calcul de lunr (Index.prototype.query, lunr 2.3.9) pour des termes
   * exacts, refait sur les occurrences sans bâtir d'index ni de vecteurs : chaque terme de la requête est une
   * clause (son poids s'ajoute s'il revient) ; le score d'un champ d'une page est le produit scalaire du vecteur de
   * la requête et de celui du champ (termes par numéro croissant) divisé par la norme du vecteur de la requête ;
   * le score d'une page, la somme de ceux de ses champs dans l'ordre où lunr les rencontre (clause, terme, champ,
   * page par numéro croissant) ; les pages sont triées par score (tri stable, lunr les rencontre dans cet ordre).
   * Mêmes opérations dans le même ordre, donc mêmes nombres : les tests le comparent à lunr. */
  Moteur.prototype.trouver = function (groupes) {
    var moteur = this;
    if (groupes.length > 30) {  /* un bit par mot de la requête : au-delà (un texte collé), lunr lui-même */
      var tous = [];
      groupes.forEach(function (g) { g.forEach(function (p, terme) { if (tous.indexOf(terme) < 0) tous.push(terme); }); });
      return this.trouverAvecLunr(groupes, this.indexPour(tous));
    }
    var clauses = [];
    var poids = Object.create(null);
    var masques = Object.create(null);  /* les groupes (mots de la requête) de chaque terme, un bit chacun */
    groupes.forEach(function (groupe, g) {
      groupe.forEach(function (boost, terme) {
        var t = moteur.numero(terme);
        clauses.push(t);
        poids[t] = poids[t] === undefined ? boost : poids[t] + boost;
        masques[t] = (masques[t] | 0) | (1 << g);
      });
    });
    var numeros = Object.keys(poids).map(Number).sort(function (a, b) { return a - b; });
    var carres = 0;
    var k;
    for (k = 0; k < numeros.length; k++) carres += poids[numeros[k]] * poids[numeros[k]];
    var norme = Math.sqrt(carres);
    var champs = this.champs.length;
    var n = this.n;
    var f, i, scores, liste;
    /* Les produits scalaires, champ par champ, termes par numéro croissant comme lunr.Vector.dot. */
    var produits = [];
    for (f = 0; f < champs; f++) produits.push(new Float64Array(n));
    for (k = 0; k < numeros.length; k++) {
      var boost = poids[numeros[k]];
      scores = this.poste(numeros[k]).scores;
      for (f = 0; f < champs; f++) {
        var produit = produits[f];
        liste = scores[f];
        for (i = 0; i < liste.length; i += 2) produit[liste[i]] += boost * liste[i + 1];
      }
    }
    /* Les pages dans l'ordre de leur premier champ rencontré, et les champs de chaque page dans l'ordre où lunr les
     * rencontre (en chiffres de base champs + 1, le premier en tête). */
    var vus = new Uint8Array(n);
    var suite = new Float64Array(n);
    var couverture = new Int32Array(n);
    var ordre = [];
    var dejaVus = Object.create(null);
    for (var c = 0; c < clauses.length; c++) {
      var t = clauses[c];
      var masque = masques[t];
      scores = this.poste(t).scores;
      for (f = 0; f < champs; f++) {
        if (dejaVus[t + "/" + f]) continue;
        dejaVus[t + "/" + f] = true;
        var bit = 1 << f;
        liste = scores[f];
        for (i = 0; i < liste.length; i += 2) {
          var doc = liste[i];
          couverture[doc] |= masque;
          if (vus[doc] & bit) continue;
          if (!vus[doc]) ordre.push(doc);
          vus[doc] |= bit;
          suite[doc] = suite[doc] * (champs + 1) + f + 1;
        }
      }
    }
    var resultats = new Array(ordre.length);
    for (var p = 0; p < ordre.length; p++) {
      var numero = ordre[p];
      var chiffres = [];
      for (var reste = suite[numero]; reste; reste = Math.floor(reste / (champs + 1))) chiffres.push(reste % (champs + 1) - 1);
      var total = 0;
      for (var j = chiffres.length - 1; j >= 0; j--) {
        var score = produits[chiffres[j]][numero] / norme || 0;
        total = j === chiffres.length - 1 ? score : total + score;
      }
      var couverts = 0;
      for (var bits = couverture[numero]; bits; bits &= bits - 1) couverts++;
      resultats[p] = { numero: numero, score: total, couverts: couverts };
    }
    return resultats.sort(function (a, b) { return b.score - a.score; });
  };

  /* Le même calcul par lunr lui-même, sur l'index `index` (les tests comparent les deux). */
  Moteur.prototype.trouverAvecLunr = function (groupes, index) {
    return index.query(function (q) {
      groupes.forEach(function (groupe) {
        groupe.forEach(function (poids, terme) { q.term(terme, { usePipeline: false, boost: poids }); });
      });
    }).map(function (r) {
      var termes = Object.keys(r.matchData.metadata);
      var couverts = groupes.filter(function (g) { return termes.some(function (t) { return g.has(t); }); }).length;
      return { numero: Number(r.ref), score: r.score, couverts: couverts };
    });
  };

  /* Les résultats d'une requête (une promesse) : [{numero, score, couverts}], les meilleurs d'abord.
   * options.genre : un seul type de page ; options.partiel : accepter, faute de mieux, les pages
   * qui n'ont qu'une partie des mots ; options.enCours : le dernier mot est peut-être inachevé. */
  Moteur.prototype.chercher = function (requete, options) {
    options = options || {};
    var mots = this.mots(requete);
    var moteur = this;
    var groupes = mots.map(function (mot, i) {
      return moteur.candidats(mot, options.enCours && i === mots.length - 1);
    });
    var reponse = { mots: mots, resultats: [], partiel: false };
    if (!groupes.some(function (g) { return g.size; })) return Promise.resolve(reponse);
    var termes = [];
    groupes.forEach(function (groupe) {
      groupe.forEach(function (poids, terme) { if (termes.indexOf(terme) < 0) termes.push(terme); });
    });
    var charges = this.preparer(termes);
    this.normes();  /* pendant que les occurrences arrivent */
    return charges.then(function () {
      var resultats = moteur.trouver(groupes)
        .filter(function (r) { return !options.genre || moteur.genreDe(r.numero) === options.genre; });
      var complets = resultats.filter(function (r) { return r.couverts === groupes.length; });
      /* Les gens tapent quatre ou cinq mots : quand peu de pages les ont tous, celles qui en ont le plus suivent. */
      if (options.partiel && groupes.length > 1 && complets.length < PARTIELS_SI_MOINS_DE) {
        var seuil = complets.length ? Math.ceil(groupes.length / 2) : 1;
        var partiels = resultats
          .filter(function (r) { return r.couverts < groupes.length && r.couverts >= seuil; })
          .sort(function (a, b) { return b.couverts - a.couverts || b.score - a.score; });
        reponse.partiel = !complets.length && partiels.length > 0;
        complets = complets.concat(partiels);
      }
      reponse.resultats = complets;
      return reponse;
    });
  };

  var moteur = null;
  var chargement = null;

  /* Charge lunr.js, sa racinisation française et l'index (une seule fois). */
  function charger() {
    if (!chargement) {
      chargement = Promise.all([
        chargerScript("assets/vendor/lunr/lunr.min.js"),
        chargerScript("assets/vendor/lunr/lunr.stemmer.support.min.js"),
        chargerScript("assets/vendor/lunr/lunr.fr.min.js"),
        chargerScript("recherche/index.js")
      ]).then(function () {
        moteur = new Moteur(donnee("index"));
        return moteur;
      });
      chargement.catch(function () { chargement = null; });
    }
    return chargement;
  }

  /* Titre, type, adresse et contexte des pages `numeros`. */
  function pages(numeros) {
    var m = moteur;
    var tranches = [];
    numeros.forEach(function (numero) {
      var tranche = Math.floor(numero / m.tranche);
      if (tranches.indexOf(tranche) < 0) tranches.push(tranche);
    });
    return Promise.all(tranches.map(function (t) { return chargerScript("recherche/pages-" + t + ".js"); })).then(function () {
      return numeros.map(function (numero) {
        var tranche = Math.floor(numero / m.tranche);
        var page = donnee("pages-" + tranche)[numero - tranche * m.tranche];
        var genre = m.genres[page[0]];
        return { numero: numero, genre: genre[0], libelle: genre[1], url: adresse(page[1]), titre: page[2], contexte: page[3] };
      });
    });
  }

  /* L'adresse d'une page ; depuis un dossier (file://), celle de son fichier index.html. */
  function adresse(chemin) {
    if (location.protocol === "file:" && (chemin === "" || chemin.slice(-1) === "/")) chemin += "index.html";
    return new URL(chemin, RACINE).href;
  }

  window.communsRecherche = {
    racine: RACINE,
    chargerScript: chargerScript,
    charger: charger,
    plier: plier,
    decoder: decoder,
    pages: pages,
    chercher: function (requete, options) {
      return charger().then(function (m) { return m.chercher(requete, options); });
    },
    moteur: function () { return moteur; }
  };

  /* ------------------------------------------------------------------------------------------------
   * La boîte de recherche de l'en-tête.
   * ---------------------------------------------------------------------------------------------- */

  function installer() {
    var modele = document.getElementById("communs-recherche");
    var entete = document.querySelector(".md-header__inner");
    if (!modele || !entete) return;
    var avant = entete.querySelector(".md-header__source");
    while (modele.firstElementChild) entete.insertBefore(modele.firstElementChild, avant);
    modele.parentNode.removeChild(modele);

    var bascule = document.getElementById("__search");
    var formulaire = entete.querySelector('form[name="communs-recherche"]');
    var champ = document.getElementById("communs-recherche-champ");
    var etat = document.getElementById("communs-recherche-etat");
    var resultats = document.getElementById("communs-recherche-resultats");
    var liste = entete.querySelector(".communs-resultats");
    var plus = entete.querySelector(".communs-resultats__plus");
    var attente = null;
    var derniere = null;
    var trouves = [];
    var affiches = 0;

    function ouvrir(ouvert) {
      if (bascule && bascule.checked !== ouvert) {
        bascule.checked = ouvert;
        bascule.dispatchEvent(new Event("change"));
      }
    }

    /* Un mot introuvable peut être demandé au lexique, ou sa définition proposée (formulaires du dépôt). */
    function motAbsent(mot) {
      var boite = modele;  /* retiré de la page, mais ses attributs restent lisibles */
      var jeton = boite.getAttribute("data-jeton");
      if (!jeton) return;
      var li = document.createElement("li");
      li.className = "md-search-result__item communs-mot-absent";
      var p = document.createElement("p");
      p.className = "md-search-result__teaser";
      p.appendChild(document.createTextNode("Ce mot manque au lexique ? "));
      [["data-demander", "Demander ce mot"], ["data-proposer", "Proposer sa définition"]].forEach(function (lien, rang) {
        var modele = boite.getAttribute(lien[0]);
        if (!modele) return;
        if (rang) p.appendChild(document.createTextNode(" · "));
        var a = document.createElement("a");
        a.href = modele.split(jeton).join(encodeURIComponent(mot));
        a.textContent = lien[1];
        p.appendChild(a);
      });
      li.appendChild(p);
      liste.appendChild(li);
    }

    function dire(texte) {
      etat.textContent = texte;
    }

    function element(page) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      var a = document.createElement("a");
      a.className = "md-search-result__link communs-resultat";
      a.href = page.url;
      var genre = document.createElement("span");
      genre.className = "communs-resultat__genre";
      genre.textContent = page.libelle;
      var titre = document.createElement("span");
      titre.className = "communs-resultat__titre";
      titre.textContent = page.titre;
      a.appendChild(genre);
      a.appendChild(titre);
      if (page.contexte) {
        var contexte = document.createElement("span");
        contexte.className = "communs-resultat__contexte";
        contexte.textContent = page.contexte;
        a.appendChild(contexte);
      }
      li.appendChild(a);
      return li;
    }

    /* Affiche le lot suivant ; data-requete dit quelle requête la liste montre (les tests l'attendent). */
    function montrer(requete) {
      var lot = trouves.slice(affiches, affiches + LOT).map(function (r) { return r.numero; });
      /* Le fichier du premier résultat est demandé seul, ceux des autres dès qu'il paraît : le premier ne partage ni
       * le réseau ni le processeur avec eux. Chaque résultat paraît ensuite dès que son fichier est là, dans l'ordre. */
      var details = [];
      var suite = Promise.resolve();
      lot.forEach(function (numero, rang) {
        suite = suite.then(function () {
          if (!rang) details = [pages([numero])];
          if (rang === 1 && requete === derniere) details = details.concat(lot.slice(1).map(function (autre) { return pages([autre]); }));
          return details[rang];
        }).then(function (une) {
          if (requete !== derniere) return;
          liste.appendChild(element(une[0]));
          affiches += 1;
        });
      });
      return suite.then(function () {
        if (requete !== derniere) return;
        plus.hidden = affiches >= trouves.length;
        resultats.setAttribute("data-requete", requete);
      });
    }

    function chercher() {
      var requete = champ.value;
      derniere = requete;
      if (!requete.trim()) {
        liste.textContent = "";
        plus.hidden = true;
        dire("Tapez un mot : sans accent, au singulier ou au pluriel.");
        resultats.setAttribute("data-requete", "");
        return;
      }
      if (!moteur) dire("Chargement de la recherche…");
      charger()
        .then(function (m) {
          if (requete !== derniere) return;
          return m.chercher(requete, { enCours: !/\s$/.test(requete), partiel: true });
        })
        .then(function (reponse) {
          if (!reponse || requete !== derniere) return;
          trouves = reponse.resultats;
          affiches = 0;
          liste.textContent = "";
          if (!reponse.mots.length) {
            dire("Ajoutez un mot plus précis.");
          } else if (!trouves.length) {
            dire("Aucun résultat pour « " + requete.trim() + " ». Essayez un autre mot, ou parcourez les catalogues.");
            motAbsent(requete.trim());
          } else {
            var nombre = trouves.length === 1 ? "1 résultat" : trouves.length + " résultats";
            dire(nombre + (reponse.partiel ? " avec une partie des mots" : "") + " pour « " + requete.trim() + " »");
          }
          plus.hidden = true;
          return montrer(requete);
        })
        .catch(function () {
          dire("La recherche n'a pas pu se charger. Parcourez les catalogues depuis le menu.");
        });
    }

    function liens() {
      return Array.prototype.slice.call(liste.querySelectorAll("a"));
    }

    /* Le visiteur montre qu'il va chercher (le pointeur sur la loupe ou la boîte, un doigt dessus, le focus) :
     * lunr et les termes se chargent dès ce moment, pas à chaque page ouverte (les téléphones n'en paient pas le prix). */
    function preparer() {
      charger().catch(function () {});
    }
    Array.prototype.forEach.call(entete.querySelectorAll('label[for="__search"], .communs-recherche'), function (cible) {
      cible.addEventListener("pointerover", preparer, { once: true, passive: true });
      cible.addEventListener("touchstart", preparer, { once: true, passive: true });
    });
    /* « / » hors d'un champ : ouvre la recherche (comme sur bien des sites), qui se charge alors. */
    document.addEventListener("keydown", function (evenement) {
      var ici = document.activeElement;
      if (evenement.key !== "/" || evenement.ctrlKey || evenement.metaKey || evenement.altKey) return;
      if (ici && (/^(INPUT|TEXTAREA|SELECT)$/.test(ici.tagName) || ici.isContentEditable)) return;
      evenement.preventDefault();
      champ.focus();
    });
    champ.addEventListener("focus", function () {
      preparer();
      ouvrir(true);
    });
    /* Une frappe isolée cherche tout de suite ; des frappes rapprochées (moins de 60 ms) attendent la dernière. */
    var lancee = 0;
    function lancer() {
      lancee = Date.now();
      chercher();
    }
    champ.addEventListener("input", function () {
      clearTimeout(attente);
      if (Date.now() - lancee > 60) lancer();
      else attente = setTimeout(lancer, 60);
    });
    formulaire.addEventListener("submit", function (evenement) {
      evenement.preventDefault();
      var premier = liens()[0];
      if (premier) location.href = premier.href;
    });
    formulaire.addEventListener("reset", function () {
      setTimeout(function () {
        chercher();
        champ.focus();
      }, 0);
    });
    plus.querySelector("button").addEventListener("click", function () {
      var suivant = liens().length;
      montrer(derniere).then(function () {
        var a = liens()[suivant];
        if (a) a.focus();
      });
    });
    formulaire.parentNode.parentNode.addEventListener("keydown", function (evenement) {
      var tous = liens();
      var ici = tous.indexOf(document.activeElement);
      if (evenement.key === "Escape") {
        ouvrir(false);
        champ.blur();
      } else if (evenement.key === "ArrowDown" && tous.length) {
        evenement.preventDefault();
        tous[Math.min(ici + 1, tous.length - 1)].focus();
      } else if (evenement.key === "ArrowUp" && ici >= 0) {
        evenement.preventDefault();
        if (ici === 0) champ.focus();
        else tous[ici - 1].focus();
      }
    });
    if (bascule) {
      bascule.addEventListener("change", function () {
        if (bascule.checked && document.activeElement !== champ) champ.focus();
      });
    }
  }

  /* Depuis un dossier (file://), un lien vers « page/ » ouvrirait le dossier : il mène à son index.html. */
  function liensHorsLigne() {
    if (location.protocol !== "file:") return;
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), function (a) {
      /* Les liens de la carte sont des liens SVG : leur « href » n'est pas une chaîne. */
      if (typeof a.href !== "string") return;
      var cible = a.href;
      if (cible.indexOf("file:") === 0 && /\/$/.test(cible.split("#")[0].split("?")[0])) {
        var morceaux = cible.match(/^([^?#]*)(.*)$/);
        a.href = morceaux[1] + "index.html" + morceaux[2];
      }
    });
  }

  function demarrer() {
    installer();
    liensHorsLigne();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", demarrer);
  else demarrer();
})();
