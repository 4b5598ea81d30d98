"""Generate a realistic, valid corpus of the commons for the benchmark: N items spread over every genre.

    python scripts/corpus.py DEST -n 1000 [--graine 0] [--simple DEST_SIMPLE]

DEST becomes a complete project folder (mkdocs.yml, content/, prototypes/, fiches/) that
`communs verifier --racine DEST` accepts with zero diagnostics and `mkdocs build --strict` builds.
The split of N items between the genres (rounded, with a floor so that every genre is present):

    prototypes 35 %, fiches 30 %, lexicon terms 25 %, centres 5 %, territories 3 %, reports 2 %

plus `content/lexique/demandes.yml` (one requested word per 40 items) and a home page. The
territories form a real hierarchy: the région, its départements, then assemblées territoriales,
versants, collectifs ruraux… under them. All text is French, drawn from the word and sentence banks
below with a seeded generator: the same N and seed always give the same bytes.

`--simple DIR` also writes the "plain" variant: the same Markdown pages (front-matter kept as MkDocs
meta, catalogues written as files) in one docs folder, with Material alone and no plugin of ours.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from communs.core.modele import genres, vocabulaires
from communs.core.modele.suggestions import slugify
from communs.core.site import Site
from communs.core.urls import Urls

REPO = Path(__file__).resolve().parent.parent
MARKER = ".corpus-communs"
"""Written in every generated folder: only such a folder is ever emptied again."""

SPLIT: tuple[tuple[str, float, int], ...] = (
    ("prototype", 0.35, 1),
    ("fiche", 0.30, 1),
    ("terme", 0.25, 2),
    ("centre", 0.05, 2),
    ("territoire", 0.03, 3),
    ("rapport", 0.02, 1),
)
"""(genre, share of N, minimum count)."""
NEWS_PER = 500
"""A centre's news (for its own site) come on top of the N items: one for every 500 items, at least one."""

MIN_ITEMS = sum(minimum for _, _, minimum in SPLIT)

# ---------------------------------------------------------------------------------------------
# Banks: places, names, phrases.
# ---------------------------------------------------------------------------------------------

REGION = ("hauts-de-france", "Hauts-de-France")

# (code, name, postal prefix of the phone numbers)
DEPARTEMENTS: tuple[tuple[str, str, str], ...] = (
    ("59", "Nord", "03 20"),
    ("62", "Pas-de-Calais", "03 21"),
    ("80", "Somme", "03 22"),
    ("02", "Aisne", "03 23"),
    ("60", "Oise", "03 44"),
)

# département -> (commune, postal code, lat, lon)
COMMUNES: dict[str, tuple[tuple[str, str, float, float], ...]] = {
    "59": (
        ("Lille", "59000", 50.63, 3.06),
        ("Roubaix", "59100", 50.69, 3.18),
        ("Tourcoing", "59200", 50.72, 3.16),
        ("Villeneuve-d'Ascq", "59650", 50.62, 3.14),
        ("Wattrelos", "59150", 50.70, 3.22),
        ("Faches-Thumesnil", "59155", 50.59, 3.07),
        ("Armentières", "59280", 50.69, 2.88),
        ("Douai", "59500", 50.37, 3.08),
        ("Valenciennes", "59300", 50.36, 3.52),
        ("Denain", "59220", 50.33, 3.39),
        ("Cambrai", "59400", 50.18, 3.23),
        ("Maubeuge", "59600", 50.28, 3.97),
        ("Dunkerque", "59140", 51.03, 2.38),
        ("Hazebrouck", "59190", 50.72, 2.54),
        ("Fourmies", "59610", 50.02, 4.05),
    ),
    "62": (
        ("Arras", "62000", 50.29, 2.78),
        ("Lens", "62300", 50.43, 2.83),
        ("Liévin", "62800", 50.42, 2.78),
        ("Béthune", "62400", 50.53, 2.64),
        ("Calais", "62100", 50.95, 1.86),
        ("Boulogne-sur-Mer", "62200", 50.73, 1.61),
        ("Saint-Omer", "62500", 50.75, 2.25),
        ("Hénin-Beaumont", "62110", 50.42, 2.95),
        ("Bruay-la-Buissière", "62700", 50.48, 2.55),
        ("Outreau", "62230", 50.70, 1.59),
        ("Montreuil-sur-Mer", "62170", 50.46, 1.76),
        ("Saint-Pol-sur-Ternoise", "62130", 50.38, 2.33),
    ),
    "80": (
        ("Amiens", "80000", 49.89, 2.30),
        ("Abbeville", "80100", 50.11, 1.83),
        ("Albert", "80300", 50.00, 2.65),
        ("Péronne", "80200", 49.93, 2.93),
        ("Friville-Escarbotin", "80130", 50.08, 1.55),
        ("Montdidier", "80500", 49.65, 2.57),
    ),
    "02": (
        ("Saint-Quentin", "02100", 49.85, 3.29),
        ("Laon", "02000", 49.56, 3.62),
        ("Soissons", "02200", 49.38, 3.32),
        ("Chauny", "02300", 49.62, 3.22),
        ("Hirson", "02500", 49.92, 4.08),
        ("Château-Thierry", "02400", 49.05, 3.40),
    ),
    "60": (
        ("Beauvais", "60000", 49.43, 2.08),
        ("Compiègne", "60200", 49.42, 2.83),
        ("Creil", "60100", 49.26, 2.47),
        ("Noyon", "60400", 49.58, 3.00),
        ("Clermont", "60600", 49.38, 2.41),
        ("Nogent-sur-Oise", "60180", 49.27, 2.47),
    ),
}

# département -> pays, written with their preposition (« du Boulonnais », « de l'Artois »)
PAYS: dict[str, tuple[str, ...]] = {
    "59": (
        "du Valenciennois",
        "du Douaisis",
        "du Cambrésis",
        "de l'Avesnois",
        "de la Sambre",
        "de la Flandre intérieure",
        "du Dunkerquois",
        "de la Pévèle",
        "des Weppes",
        "de la vallée de la Lys",
    ),
    "62": (
        "du Boulonnais",
        "du Calaisis",
        "de l'Audomarois",
        "du Montreuillois",
        "du Ternois",
        "de l'Artois",
        "du Lensois",
        "du Béthunois",
        "de l'Arrageois",
        "des Sept Vallées",
    ),
    "80": ("de l'Amiénois", "de l'Abbevillois", "du Vimeu", "du Santerre", "du Ponthieu", "de la Haute-Somme"),
    "02": ("du Saint-Quentinois", "du Laonnois", "du Soissonnais", "de la Thiérache", "du Chaunois"),
    "60": ("du Beauvaisis", "du Compiégnois", "du Noyonnais", "du Clermontois", "du pays de Bray", "du bassin creillois"),
}

# (type, how the name starts); the first one of a pays is its assemblée, the others sit inside it.
SUB_TERRITORIES: tuple[tuple[str, str], ...] = (
    ("assemblee-territoriale", "Assemblée territoriale"),
    ("collectif-rural", "Collectif rural"),
    ("territoire-projet", "Territoire de projet"),
    ("versant", "Versant nord"),
    ("versant", "Versant sud"),
    ("intercommunalite", "Communauté d'agglomération"),
    ("versant", "Versant est"),
    ("versant", "Versant ouest"),
)

CENTRE_TYPES: tuple[tuple[str, str, int], ...] = (
    ("centre-social", "Centre social", 60),
    ("maison-de-quartier", "Maison de quartier", 10),
    ("mjc", "MJC", 8),
    ("evs", "Espace de vie sociale", 8),
    ("tiers-lieu", "Tiers-lieu", 5),
    ("association", "Association", 5),
    ("ludotheque", "Ludothèque", 4),
)

CENTRE_NAMES = (
    "Les Oliviers",
    "Mosaïque",
    "L'Arbrisseau",
    "Les Tilleuls",
    "Le Chemin Rouge",
    "Les Quatre Saisons",
    "Jean Jaurès",
    "Nelson Mandela",
    "Saint-Exupéry",
    "Les Acacias",
    "La Fontaine",
    "Le Nautilus",
    "Les Hauts Champs",
    "La Passerelle",
    "L'Escale",
    "Le Phare",
    "La Source",
    "Les Marronniers",
    "L'Horizon",
    "Le Colibri",
    "La Boussole",
    "Les Coquelicots",
    "La Ruche",
    "Le Trait d'Union",
    "L'Arc-en-ciel",
    "Les Glycines",
    "La Clé des Champs",
    "La Maison Bleue",
    "Les Provinces",
    "Le Moulin",
    "Georges Brassens",
    "Louise Michel",
    "Le Square",
    "Les Bruyères",
    "La Roseraie",
    "Le Carillon",
    "Les Peupliers",
    "La Belle Étoile",
    "Le Fil d'Ariane",
    "La Lanterne",
)

STREETS = (
    "rue Jean Jaurès",
    "avenue de la République",
    "rue Victor Hugo",
    "place de la Mairie",
    "rue du Moulin",
    "boulevard de Strasbourg",
    "rue Pasteur",
    "rue des Écoles",
    "allée des Tilleuls",
    "rue Émile Zola",
    "rue de la Gare",
    "avenue Salvador Allende",
    "rue Pierre Brossolette",
    "place du Marché",
)

# (what the solution is, its domain, its usual publics)
SOLUTIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Borne d'accès aux droits", "accueil-administration", ("habitants", "charges-accueil")),
    ("Borne de démarches en ligne", "accueil-administration", ("habitants", "seniors")),
    ("Pré-inscription en ligne aux activités", "accueil-administration", ("familles", "charges-accueil")),
    ("Permanence numérique de l'accueil", "accueil-administration", ("habitants", "charges-accueil")),
    ("Agenda partagé de l'accueil", "accueil-administration", ("salaries", "charges-accueil")),
    ("Malle de jeux sans écran", "parentalite-education", ("enfants", "parents")),
    ("Boussole des écrans en famille", "parentalite-education", ("parents", "familles")),
    ("Club de robotique éducative", "parentalite-education", ("enfants", "adolescents")),
    ("Lexique du numérique écrit par les enfants", "parentalite-education", ("enfants", "seniors")),
    ("Aide aux devoirs connectée", "parentalite-education", ("enfants", "parents")),
    ("Atelier d'écriture de CV en ligne", "emploi-insertion", ("demandeurs-emploi", "jeunes")),
    ("Espace de recherche d'emploi", "emploi-insertion", ("demandeurs-emploi", "habitants")),
    ("Parcours de remobilisation par le numérique", "emploi-insertion", ("jeunes", "demandeurs-emploi")),
    ("Plateforme d'échange de services entre voisins", "economie-collaborative", ("habitants", "benevoles")),
    ("Ressourcerie informatique", "economie-collaborative", ("habitants", "familles")),
    ("Atelier de réparation d'ordinateurs", "transition-ecologique", ("habitants", "benevoles")),
    ("Défi des économies d'énergie", "transition-ecologique", ("familles", "habitants")),
    ("Carte des circuits courts du quartier", "transition-ecologique", ("habitants", "familles")),
    ("Outil de consultation des habitants", "pouvoir-d-agir", ("habitants", "administrateurs")),
    ("Journal numérique du quartier", "pouvoir-d-agir", ("habitants", "jeunes")),
    ("Budget participatif en ligne", "pouvoir-d-agir", ("habitants", "benevoles")),
    ("Application de suivi des animations", "animation-globale", ("animateurs", "salaries")),
    ("Site internet clé en main pour les centres", "animation-globale", ("structures", "directeurs")),
    ("Boîte à outils collaboratifs", "animation-globale", ("salaries", "benevoles")),
    ("Carnet de bord des bénévoles", "animation-globale", ("benevoles", "administrateurs")),
    ("Formation des administrateurs au numérique", "animation-globale", ("administrateurs", "directeurs")),
    ("Réseau des médiateurs numériques", "animation-territoriale", ("mediateurs-numeriques", "structures")),
    ("Cartographie des lieux d'accès au numérique", "animation-territoriale", ("habitants", "travailleurs-sociaux")),
    ("Fablab mobile", "animation-territoriale", ("jeunes", "habitants")),
    ("Escales numériques d'été", "animation-territoriale", ("familles", "enfants")),
)

NICKNAMES = (
    "Cap'Connect",
    "Anim'Net",
    "Clic Malin",
    "Déclic",
    "Tremplin",
    "La Passerelle",
    "Coup de Pouce",
    "Pixel",
    "La Toile",
    "Bonjour Numérique",
    "Escale",
    "Trait d'Union",
    "Boussole",
    "Voisins Connectés",
    "Net Solidaire",
    "Le Fil",
    "Mon Quartier Connecté",
    "Appui",
    "Clé en Main",
    "Ensemble en Ligne",
)

# Fiches: (activity, domain, publics, (age_min, age_max), screen-free, niveau)
ACTIVITIES: tuple[tuple[str, str, tuple[str, ...], tuple[int | None, int | None], bool, str], ...] = (
    ("Coder sans écran avec de petits robots", "parentalite-education", ("enfants",), (4, 7), True, "decouverte"),
    ("Jeu de piste des mots de passe", "parentalite-education", ("enfants", "adolescents"), (8, 14), True, "decouverte"),
    ("Quiz du numérique en famille", "parentalite-education", ("familles", "parents"), (6, None), False, "decouverte"),
    ("Découvrir l'imprimante 3D", "animation-territoriale", ("jeunes", "habitants"), (10, None), False, "intermediaire"),
    ("Créer son adresse de courriel", "accueil-administration", ("seniors", "habitants"), (16, None), False, "decouverte"),
    ("Repérer un faux message", "accueil-administration", ("seniors", "habitants"), (12, None), False, "decouverte"),
    ("Prendre rendez-vous en ligne", "accueil-administration", ("habitants", "seniors"), (16, None), False, "intermediaire"),
    ("Fabriquer un robot en carton", "parentalite-education", ("enfants",), (6, 10), True, "decouverte"),
    ("Photo et droit à l'image", "parentalite-education", ("adolescents", "jeunes"), (11, 17), False, "intermediaire"),
    ("Ranger ses fichiers et ses photos", "animation-globale", ("seniors", "habitants"), (16, None), False, "decouverte"),
    ("Débat mouvant sur les écrans", "parentalite-education", ("parents", "adolescents"), (12, None), True, "decouverte"),
    ("Escape game de la cybersécurité", "parentalite-education", ("adolescents", "jeunes"), (12, 25), False, "confirme"),
    ("Réparer son ordinateur", "transition-ecologique", ("habitants", "benevoles"), (14, None), False, "confirme"),
    ("Découvrir les logiciels libres", "transition-ecologique", ("habitants", "animateurs"), (14, None), False, "intermediaire"),
    ("Faire une visio avec sa famille", "animation-globale", ("seniors", "familles"), (6, None), False, "decouverte"),
    ("Écrire son CV en ligne", "emploi-insertion", ("demandeurs-emploi", "jeunes"), (16, None), False, "intermediaire"),
    ("Simuler un entretien en visio", "emploi-insertion", ("demandeurs-emploi", "jeunes"), (16, None), False, "confirme"),
    ("Cartographier son quartier", "pouvoir-d-agir", ("habitants", "jeunes"), (10, None), False, "intermediaire"),
    ("Écrire une définition pour le lexique", "parentalite-education", ("enfants", "seniors"), (8, None), True, "decouverte"),
    ("Mesurer sa consommation d'énergie", "transition-ecologique", ("familles", "habitants"), (10, None), False, "decouverte"),
    (
        "Animer une réunion avec un outil collaboratif",
        "animation-globale",
        ("salaries", "benevoles"),
        (18, None),
        False,
        "confirme",
    ),
    ("Tourner une vidéo de quartier", "pouvoir-d-agir", ("jeunes", "adolescents"), (12, 25), False, "intermediaire"),
    (
        "Jeu de l'oie des démarches",
        "accueil-administration",
        ("habitants", "travailleurs-sociaux"),
        (16, None),
        True,
        "decouverte",
    ),
    ("Initier les parents au contrôle parental", "parentalite-education", ("parents",), (18, None), False, "intermediaire"),
)

ACTIVITY_SUFFIXES = (
    "en petit groupe",
    "pendant les vacances",
    "au centre social",
    "en accueil de loisirs",
    "entre générations",
    "le mercredi",
    "en deux séances",
    "à la médiathèque",
    "en plein air",
    "lors d'une fête de quartier",
    "avec les bénévoles",
    "en atelier parents-enfants",
)

# Lexicon: (term, category, what it is, variants)
TERMS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Navigateur", "internet", "le logiciel qui ouvre les sites internet", ("navigateur web",)),
    ("Moteur de recherche", "internet", "le site où l'on tape des mots pour trouver des pages", ()),
    ("Lien", "internet", "un mot ou une image sur lequel on clique pour aller sur une autre page", ("lien hypertexte",)),
    ("Site internet", "internet", "un ensemble de pages que l'on consulte avec un navigateur", ("site web",)),
    ("Adresse web", "internet", "le nom d'une page, que l'on tape en haut du navigateur", ("URL",)),
    ("Favori", "internet", "une page que l'on garde de côté pour la retrouver vite", ("marque-page",)),
    ("Téléchargement", "internet", "le fait de copier un fichier d'internet vers son appareil", ("télécharger",)),
    ("Historique", "internet", "la liste des pages que l'on a déjà visitées", ()),
    ("Cookie", "internet", "un petit fichier qu'un site garde sur votre appareil pour se souvenir de vous", ("témoin",)),
    ("Wi-Fi", "materiel", "la connexion à internet sans fil", ("wifi",)),
    ("Box internet", "materiel", "l'appareil qui apporte internet dans la maison", ("box",)),
    ("Clé USB", "materiel", "un petit objet qui garde des fichiers et se branche sur l'ordinateur", ()),
    ("Imprimante", "materiel", "l'appareil qui met sur papier ce que l'on voit à l'écran", ()),
    ("Scanner", "materiel", "l'appareil qui transforme une feuille en fichier", ("numériser",)),
    ("Écran tactile", "materiel", "un écran que l'on commande en le touchant du doigt", ()),
    ("Tablette", "materiel", "un petit ordinateur plat avec un écran tactile", ()),
    ("Smartphone", "materiel", "un téléphone qui sert aussi d'ordinateur", ("téléphone intelligent",)),
    ("Clavier", "materiel", "les touches qui servent à écrire sur l'ordinateur", ()),
    ("Souris", "materiel", "le petit objet qui déplace la flèche sur l'écran", ()),
    ("Batterie", "materiel", "la réserve d'énergie d'un appareil sans fil", ()),
    ("Forfait", "materiel", "l'abonnement qui donne des appels et internet sur le téléphone", ()),
    ("Courriel", "communication", "un message envoyé par internet", ("e-mail", "mail")),
    ("Pièce jointe", "communication", "un fichier que l'on ajoute à un courriel", ()),
    ("Messagerie", "communication", "l'endroit où l'on lit et écrit ses messages", ()),
    ("Visioconférence", "communication", "un appel où l'on se voit à l'écran", ("visio",)),
    ("Spam", "communication", "un message que l'on n'a pas demandé, souvent de la publicité", ("courrier indésirable",)),
    ("Émoji", "communication", "un petit dessin qui montre une émotion dans un message", ("émoticône",)),
    ("Texto", "communication", "un message court envoyé par téléphone", ("SMS",)),
    ("Groupe de discussion", "communication", "une conversation à plusieurs dans une application", ()),
    ("Mot de passe", "securite", "un code secret qui protège un compte", ("code secret",)),
    ("Hameçonnage", "securite", "une arnaque qui cherche à voler vos codes", ("phishing",)),
    ("Antivirus", "securite", "un logiciel qui protège l'ordinateur des programmes dangereux", ()),
    ("Virus", "securite", "un programme qui abîme l'ordinateur ou vole des informations", ()),
    ("Double authentification", "securite", "une deuxième vérification pour entrer dans un compte", ()),
    ("Données personnelles", "securite", "les informations qui parlent de vous", ()),
    ("Mise à jour", "securite", "une nouvelle version d'un logiciel qui corrige des défauts", ()),
    ("Sauvegarde", "securite", "une copie de ses fichiers gardée en lieu sûr", ()),
    ("Contrôle parental", "securite", "les réglages qui protègent les enfants sur internet", ()),
    ("Identifiant", "securite", "le nom qui sert à entrer dans un compte", ("login",)),
    ("Compte en ligne", "demarches", "un espace personnel sur un site, protégé par un mot de passe", ()),
    ("FranceConnect", "demarches", "le bouton qui permet d'entrer sur les sites publics avec un seul compte", ()),
    ("Démarche en ligne", "demarches", "une formalité que l'on fait sur internet", ("e-administration",)),
    ("Espace personnel", "demarches", "la partie d'un site réservée à vous seul", ()),
    ("Justificatif", "demarches", "un document qui prouve ce que l'on déclare", ()),
    ("Formulaire", "demarches", "une page où l'on remplit des cases", ()),
    ("Prise de rendez-vous en ligne", "demarches", "le fait de choisir un horaire sur un site", ()),
    ("Signature électronique", "demarches", "une façon de signer un document sans papier", ()),
    ("Accusé de réception", "demarches", "la preuve qu'un envoi est bien arrivé", ()),
    ("Application", "applications", "un programme que l'on installe sur un téléphone ou une tablette", ("appli",)),
    ("Logiciel", "applications", "un programme qui fait une tâche sur l'ordinateur", ("programme",)),
    ("Traitement de texte", "applications", "le logiciel qui sert à écrire des documents", ()),
    ("Tableur", "applications", "le logiciel qui fait des tableaux et des calculs", ()),
    ("Fichier", "applications", "un document rangé dans l'ordinateur", ()),
    ("Dossier", "applications", "une boîte qui range plusieurs fichiers", ("répertoire",)),
    ("Nuage", "applications", "un espace sur internet où l'on range ses fichiers", ("cloud",)),
    ("Logiciel libre", "applications", "un programme que chacun peut utiliser, étudier et partager", ()),
    ("Copier-coller", "applications", "le fait de reprendre un texte pour le mettre ailleurs", ()),
    ("Capture d'écran", "applications", "une photo de ce qui est affiché sur l'écran", ()),
    ("Réseau social", "reseaux-sociaux", "un site où l'on partage des nouvelles avec d'autres personnes", ()),
    ("Publication", "reseaux-sociaux", "un message ou une photo partagé sur un réseau social", ("post",)),
    ("Abonné", "reseaux-sociaux", "une personne qui suit vos publications", ()),
    ("Mot-dièse", "reseaux-sociaux", "un mot précédé d'un dièse pour retrouver un sujet", ("hashtag",)),
    ("Profil", "reseaux-sociaux", "la page qui vous présente sur un réseau social", ()),
    ("Influenceur", "reseaux-sociaux", "une personne suivie par beaucoup de monde en ligne", ()),
    ("Fausse information", "reseaux-sociaux", "une nouvelle inventée qui circule en ligne", ("infox",)),
    ("Cyberharcèlement", "reseaux-sociaux", "des moqueries ou menaces répétées en ligne", ()),
    ("Fracture numérique", "notions", "l'écart entre ceux qui savent utiliser le numérique et les autres", ()),
    ("Inclusion numérique", "notions", "l'aide pour que chacun puisse utiliser le numérique", ()),
    ("Médiateur numérique", "notions", "la personne qui aide à utiliser le numérique", ()),
    ("Tiers-lieu", "notions", "un lieu partagé pour travailler, apprendre et se rencontrer", ()),
    ("Fablab", "notions", "un atelier où l'on fabrique des objets avec des machines numériques", ()),
    ("Algorithme", "notions", "une suite d'instructions pour résoudre un problème", ()),
    ("Intelligence artificielle", "notions", "un programme qui imite certaines façons de réfléchir", ("IA",)),
    ("Sobriété numérique", "notions", "le fait d'utiliser le numérique sans gaspiller", ()),
    ("Open data", "notions", "des données publiques que chacun peut réutiliser", ("données ouvertes",)),
    ("Pass numérique", "notions", "un chèque qui paie des ateliers pour apprendre le numérique", ()),
)

TERM_CONTEXTS = (
    "sur smartphone",
    "sur ordinateur",
    "à la maison",
    "au centre social",
    "à l'école",
    "en famille",
    "pour les démarches",
    "au travail",
    "pour débuter",
    "avec les enfants",
    "à la médiathèque",
    "en voyage",
    "pour les seniors",
    "au quotidien",
    "au collège",
    "entre voisins",
    "pour les associations",
)

CATEGORY_SENTENCES: dict[str, tuple[str, ...]] = {
    "internet": ("On l'utilise chaque jour pour chercher une information.", "C'est utile pour bien se repérer en ligne."),
    "materiel": ("On le trouve à la maison ou au centre social.", "Il faut en prendre soin pour qu'il dure longtemps."),
    "communication": ("Cela sert à garder le contact avec ses proches.", "On l'utilise pour écrire à une administration."),
    "securite": ("Cela aide à protéger ses comptes et son argent.", "En cas de doute, demandez conseil à l'accueil."),
    "demarches": ("On en a besoin pour les papiers du quotidien.", "L'accueil du centre peut vous aider la première fois."),
    "applications": ("On s'en sert pour travailler ou pour s'amuser.", "Il existe souvent une version gratuite."),
    "reseaux-sociaux": ("Il faut réfléchir avant de partager.", "Ce que l'on publie peut rester longtemps."),
    "notions": ("Les centres sociaux en parlent souvent.", "C'est une idée importante pour comprendre le numérique."),
}

CHILD_WORDS = (
    "C'est comme une boîte où l'on range ses affaires, mais dans l'ordinateur.",
    "C'est un peu comme une clé pour ouvrir sa maison.",
    "C'est comme la poste, mais ça va beaucoup plus vite.",
    "C'est comme un livre de recettes pour l'ordinateur.",
    "C'est comme une carte pour ne pas se perdre sur internet.",
    "C'est un peu comme un voleur déguisé en facteur.",
    "C'est comme un cahier que tout le monde peut lire.",
    "C'est comme un gardien qui vérifie qui entre.",
)

FIRST_NAMES_CHILDREN = (
    "Inès",
    "Yanis",
    "Lina",
    "Noah",
    "Chloé",
    "Mohamed",
    "Léa",
    "Adam",
    "Jade",
    "Rayan",
    "Louise",
    "Amir",
    "Manon",
    "Sofiane",
    "Emma",
    "Nathan",
    "Sarah",
    "Ilyes",
    "Camille",
    "Enzo",
    "Aya",
    "Lucas",
)
FIRST_NAMES_SENIORS = ("Monique", "Gérard", "Josiane", "Bernard", "Fatima", "Ahmed", "Jacqueline", "Daniel", "Colette")
GROUPS = (
    "les CM2 du centre",
    "l'atelier du mercredi",
    "les ados du club numérique",
    "le groupe des seniors connectés",
    "les enfants de l'accueil de loisirs",
    "le club des petits profs",
    "les CE2 de l'aide aux devoirs",
)

REPORT_KINDS: tuple[tuple[str, str], ...] = (
    ("bilan", "Bilan {annee} de la démarche Centres Sociaux Connectés {de}"),
    ("evaluation", "Évaluation de l'opération Centres Sociaux Connectés {de} ({debut}-{fin})"),
    ("rapport-de-mission", "Accompagner l'essaimage {de} : rapport de mission {annee}"),
    ("livret", "Livret de capitalisation {de} {annee}"),
    ("guide", "Guide pour reprendre une solution numérique {de}"),
    ("etude", "Étude sur les usages numériques des habitants {de} ({annee})"),
)

AUTHORS = (
    "Équipe projet Centres Sociaux Connectés",
    "Fédération des centres sociaux du Nord-Pas-de-Calais",
    "Chargée de mission capitalisation",
    "Cabinet d'évaluation indépendant",
    "Comité de pilotage du territoire",
    "Coordination des médiateurs numériques",
)
FUNDERS = (
    "Région Hauts-de-France",
    "Département du Nord",
    "Département du Pas-de-Calais",
    "Métropole européenne de Lille",
    "Fonds européen de développement régional",
    "Caisse d'allocations familiales",
    "Banque des Territoires",
)

RECOMMENDATIONS = (
    "Commencer par un diagnostic partagé avec les habitants avant d'installer une solution.",
    "Prévoir du temps d'animation : un outil seul ne suffit pas.",
    "Former les salariés de l'accueil avant l'ouverture au public.",
    "Documenter chaque solution pour qu'un autre centre puisse la reprendre.",
    "Associer les bénévoles dès le début du projet.",
    "Mesurer la fréquentation dès les premières semaines.",
    "Partager le matériel entre centres voisins pour réduire les coûts.",
    "Choisir des logiciels libres quand c'est possible.",
    "Prévoir un budget de maintenance sur plusieurs années.",
    "Organiser une rencontre annuelle entre les centres qui utilisent la même solution.",
    "Rendre les tutoriels accessibles aux personnes qui lisent peu.",
    "Garder une trace des demandes des habitants pour orienter les prochains chantiers.",
)

FIGURES = (
    "habitants accompagnés dans leurs démarches",
    "ateliers animés dans l'année",
    "centres équipés de la solution",
    "familles touchées par les animations",
    "bénévoles formés à l'accompagnement",
    "démarches réalisées à la borne",
    "enfants ayant participé aux séances",
    "salariés formés au numérique",
    "visites de la plateforme en ligne",
)

DELIVERABLES: tuple[tuple[str, str], ...] = (
    ("guide", "Guide d'animation"),
    ("video", "Vidéo de présentation"),
    ("tutoriel", "Tutoriel pas à pas"),
    ("kit", "Kit de démarrage"),
    ("kit-communication", "Affiches et flyers"),
    ("fiche-pedagogique", "Fiches pédagogiques"),
    ("code-source", "Code source de l'outil"),
    ("plateforme", "Plateforme en ligne"),
    ("cahier-des-charges", "Cahier des charges"),
    ("materiel", "Liste du matériel"),
    ("formation", "Module de formation des animateurs"),
    ("document", "Compte rendu d'expérimentation"),
)

MATERIALS = ("videoprojecteur", "ordinateur", "tablette", "papier", "cartes", "robots", "camera", "visioconference")
SCREEN_FREE_MATERIALS = ("papier", "cartes", "robots", "collation")

OBJECTIVES = (
    "Découvrir un usage du numérique en jouant",
    "Gagner en confiance face à l'écran",
    "Comprendre les risques et les bons réflexes",
    "Créer du lien entre les participants",
    "Valoriser les savoirs de chacun",
    "Devenir autonome dans une démarche simple",
    "Développer l'esprit critique",
    "Apprendre à coopérer en petit groupe",
)

# Sentence banks. Placeholders: {outil} (the solution, lower case), {titre}, {public}, {public2},
# {commune}, {centre} (a Markdown link), {territoire}, {annee}, {annee2}, {nombre}, {nombre2}, {duree}.
PROTOTYPE_BANK: dict[str, tuple[str, ...]] = {
    "Besoin": (
        "À l'accueil, les salariés voyaient chaque semaine des {public} en difficulté devant un écran.",
        "Beaucoup de {public} n'ont ni ordinateur ni connexion à la maison, et les démarches se font désormais en ligne.",
        "Les {public} demandaient un lieu où l'on peut essayer sans être jugé.",
        "Les équipes manquaient d'un outil simple, partagé et facile à reprendre.",
        "Le diagnostic mené avec les habitants de {commune} a montré un fort besoin d'accompagnement.",
        "Les animateurs cherchaient une activité qui parle aussi bien aux {public} qu'aux {public2}.",
        "Plusieurs familles avaient renoncé à des droits faute de savoir faire la démarche.",
        "Le centre voulait mieux faire connaître ses activités auprès des {public2}.",
        "Les bénévoles souhaitaient être mieux outillés pour accompagner les personnes.",
        "Il fallait répondre à la fermeture de plusieurs guichets de proximité sur le territoire.",
        "Les {public2} se sentaient souvent exclus des échanges du quartier.",
        "La crise sanitaire a rendu ce besoin encore plus visible en {annee}.",
    ),
    "Présentation": (
        "La solution « {titre} » est née en {annee} à {commune}, à l'initiative de l'équipe de {centre}.",
        "La solution, « {outil} », a été construite avec les {public} et les salariés du centre.",
        "La solution repose sur du matériel simple et sur un accompagnement humain.",
        "Elle se met en place en quelques semaines, avec un budget modeste.",
        "Un animateur référent suit les premières utilisations et recueille les remarques.",
        "Le dispositif a été testé pendant {nombre} mois avant d'être ouvert à tous.",
        "Les documents de prise en main ont été écrits avec des mots simples, relus par des habitants.",
        "Elle a été présentée aux autres centres du territoire {territoire} lors d'une rencontre de réseau.",
        "Elle s'appuie sur des outils libres pour que chaque centre garde la main sur ses données.",
        "Son nom a été choisi par les {public} eux-mêmes lors d'un atelier.",
        "Une charte d'utilisation rappelle les règles de confidentialité et le rôle de chacun.",
        "La première version était très simple ; elle s'est enrichie au fil des retours.",
    ),
    "À quoi ça sert ?": (
        "Rendre les {public} plus autonomes dans leurs démarches du quotidien.",
        "Libérer du temps à l'accueil pour les situations les plus complexes.",
        "Créer des occasions de rencontre entre les {public} et les {public2}.",
        "Faire découvrir le numérique par le jeu et la manipulation.",
        "Donner aux salariés un outil commun pour suivre les demandes.",
        "Rendre visibles les savoirs des habitants et les partager.",
        "Aider les familles à mieux comprendre les usages des écrans.",
        "Faciliter l'orientation vers les bons interlocuteurs.",
        "Permettre à d'autres centres de reprendre l'idée sans repartir de zéro.",
        "Réduire le sentiment d'isolement des {public2}.",
    ),
    "Animation de la solution": (
        "Des permanences ont lieu chaque semaine, animées par un salarié et un bénévole.",
        "En {annee2}, {nombre2} séances ont réuni des {public} de plusieurs quartiers.",
        "La solution a servi de support à des ateliers parents-enfants pendant les vacances.",
        "Un temps d'échange suit chaque séance pour recueillir l'avis des participants.",
        "Les animateurs ont été formés pendant {duree} par le médiateur numérique du territoire.",
        "Le matériel circule entre les centres voisins selon un calendrier partagé.",
        "Les séances se déroulent en petits groupes de six à dix personnes.",
        "Les habitants les plus à l'aise deviennent peu à peu des relais pour les autres.",
        "Une affiche et un flyer présentent la solution à l'accueil et dans les écoles proches.",
        "L'équipe a profité des fêtes de quartier pour présenter l'outil en plein air.",
        "Des partenaires du territoire, comme la médiathèque ou la mission locale, orientent des {public}.",
    ),
    "Améliorations": (
        "Rendre l'outil plus simple à utiliser sur un téléphone.",
        "Traduire les supports dans les langues parlées par les habitants.",
        "Écrire un guide de reprise pour les centres qui veulent se lancer.",
        "Former davantage de bénévoles pour ouvrir de nouveaux créneaux.",
        "Mieux mesurer ce que la solution change pour les {public}.",
        "Prévoir une version adaptée aux {public2}.",
        "Mutualiser la maintenance entre plusieurs centres du territoire.",
        "Améliorer l'accessibilité pour les personnes qui voient mal.",
        "Rendre les données plus faciles à exporter et à partager.",
        "Trouver un financement durable après la fin de l'expérimentation.",
    ),
}

FICHE_STEPS = (
    "L'animateur accueille le groupe et présente le thème de la séance en quelques mots.",
    "Chacun dit ce qu'il connaît déjà du sujet, sans jugement.",
    "Le groupe se répartit en binômes, un plus à l'aise avec un débutant.",
    "L'animateur montre l'exemple une première fois, lentement, en nommant chaque étape.",
    "Les participants essaient à leur tour, avec l'aide de leur binôme.",
    "On met en commun les difficultés rencontrées et les astuces trouvées.",
    "Le groupe joue une manche de plus, en inversant les rôles.",
    "Chacun note sur une carte ce qu'il retient de la séance.",
    "Pour finir, l'animateur propose un petit défi à faire à la maison.",
    "Un tour de table clôt la séance : ce qui a plu, ce qui était difficile.",
    "L'animateur range le matériel avec les participants et annonce la prochaine séance.",
)
FICHE_VARIANTS = (
    "Avec un groupe plus jeune, raccourcissez chaque étape et ajoutez des images.",
    "En intergénérationnel, formez des binômes enfant-senior.",
    "Sans connexion, préparez des captures d'écran imprimées.",
    "Pour un grand groupe, organisez plusieurs tables qui tournent.",
    "En une seule séance courte, gardez seulement la partie jeu.",
    "Lors d'une fête de quartier, installez un stand en accès libre.",
    "Avec des personnes qui lisent peu, remplacez les consignes écrites par des pictogrammes.",
    "En accueil de loisirs, transformez l'activité en défi entre équipes.",
)
FICHE_TIPS = (
    "Prévoyez un temps d'installation de quinze minutes avant l'arrivée du groupe.",
    "Laissez les participants manipuler eux-mêmes : l'animateur ne touche pas le clavier.",
    "Utilisez des mots simples et évitez le jargon technique.",
    "Gardez quelques exemples de secours si la connexion ne marche pas.",
    "Valorisez chaque réussite, même petite.",
    "Affichez les consignes en grand pour les personnes qui voient mal.",
    "Demandez l'accord des participants avant toute photo.",
    "Notez les questions restées sans réponse pour la séance suivante.",
    "Proposez une pause au bout de quarante-cinq minutes, surtout avec les plus jeunes.",
    "Gardez un exemplaire papier des étapes que chacun peut emporter.",
)

REPORT_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "De quoi parle ce rapport ?",
        (
            "Ce document fait le point sur la démarche Centres Sociaux Connectés {de} entre {debut} et {fin}.",
            "Il rassemble les retours des salariés, des bénévoles et des habitants des centres engagés.",
            "Il a été écrit pour aider d'autres centres à reprendre ce qui a marché.",
            "Les centres du territoire ont été associés à chaque étape de l'écriture.",
            "Le rapport s'appuie sur des entretiens, des questionnaires et les bilans des animations.",
            "Il complète les bilans annuels que chaque centre rédige pour ses financeurs.",
            "Les habitants qui ont participé aux ateliers ont relu les passages qui les concernent.",
            "Les chiffres cités viennent des tableaux de suivi tenus par les équipes d'accueil.",
            "Une première version a été discutée lors d'un comité de pilotage élargi aux partenaires.",
        ),
    ),
    (
        "Ce qui a été fait",
        (
            "Les centres ont ouvert des permanences numériques et des ateliers réguliers.",
            "Plusieurs solutions ont été testées, puis améliorées à partir des remarques des habitants.",
            "Les salariés ont suivi des formations communes sur les outils collaboratifs.",
            "Un réseau de médiateurs numériques s'est structuré à l'échelle du territoire.",
            "Les centres ont partagé leur matériel et leurs supports d'animation.",
            "Des temps forts ont été organisés pendant l'été pour aller vers les familles.",
            "Des bornes d'accès aux droits ont été installées dans les halls d'accueil.",
            "Les enfants ont animé des ateliers pour expliquer le numérique à leurs aînés.",
            "Un annuaire des lieux d'accompagnement a été construit avec les partenaires sociaux.",
            "Les centres ont testé des outils libres pour remplacer des services payants.",
            "Des rencontres entre directeurs ont permis de comparer les façons de faire.",
        ),
    ),
    (
        "Ce que l'on retient",
        (
            "Un outil numérique ne règle rien seul : il faut l'animer et le tenir à jour.",
            "Les habitants deviennent de vrais relais quand on leur fait confiance.",
            "Le temps de coordination entre centres est souvent sous-estimé.",
            "Les solutions les plus simples sont aussi les plus reprises.",
            "La documentation commune facilite beaucoup l'essaimage.",
            "Le lien avec les partenaires du territoire est décisif pour durer.",
            "Les centres qui avaient un médiateur numérique ont avancé plus vite que les autres.",
            "Aller vers les habitants, hors les murs, reste indispensable pour toucher les plus isolés.",
            "Les bénévoles ont besoin d'être formés et reconnus pour rester engagés.",
            "Les familles apprécient les activités où parents et enfants apprennent ensemble.",
        ),
    ),
    (
        "Et ensuite ?",
        (
            "Le rapport propose de poursuivre la démarche avec de nouveaux centres volontaires.",
            "Il recommande de mieux mesurer l'effet des actions sur les habitants.",
            "Il invite à consolider le financement des postes de médiateurs.",
            "Il suggère de créer un temps d'échange annuel entre tous les centres.",
            "Il propose de partager les supports d'animation sous une licence libre.",
            "Il invite les centres à documenter leurs solutions au fil de l'eau.",
            "Il recommande d'associer davantage les habitants aux décisions du projet.",
        ),
    ),
)

TERRITORY_SENTENCES = (
    "Le territoire « {nom} » fait partie du réseau des Centres Sociaux Connectés depuis {annee}.",
    "Les centres du territoire se retrouvent plusieurs fois par an pour partager leurs pratiques.",
    "Plusieurs solutions y sont nées, puis ont été reprises ailleurs dans la région.",
    "La coordination s'appuie sur un centre référent et sur la fédération.",
    "On y trouve des quartiers urbains comme des communes rurales.",
    "Les habitants y sont associés aux choix des projets numériques.",
)
CENTRE_SENTENCES = (
    "La structure « {nom} » accueille les habitants de {commune} et des communes voisines.",
    "Le centre a rejoint la démarche Centres Sociaux Connectés en {annee}.",
    "Une borne d'accès aux droits est installée à l'accueil.",
    "Des ateliers numériques ont lieu chaque semaine, pour les enfants comme pour les adultes.",
    "L'équipe travaille avec la médiathèque et la mission locale du secteur.",
    "Des bénévoles y accompagnent les personnes dans leurs démarches en ligne.",
)
TERM_BODY = (
    "Au centre social, on peut demander de l'aide pour s'y retrouver.",
    "Prenez votre temps : personne ne naît en sachant tout cela.",
    "Un enfant ou un petit-enfant peut aussi vous montrer comment faire.",
    "Notez les étapes dans un carnet pour vous en souvenir la prochaine fois.",
    "Si un message vous semble bizarre, demandez conseil avant de cliquer.",
    "Les ateliers du mercredi reviennent souvent sur ce mot.",
)


# ---------------------------------------------------------------------------------------------
# The generator.
# ---------------------------------------------------------------------------------------------


def _ajoute_le(slug: str) -> dt.date:
    """A made-up day the sample item entered the commons, the same for the same slug (the RNG is left alone)."""
    return dt.date(2018, 1, 1) + dt.timedelta(days=zlib.crc32(slug.encode("utf-8")) % 2500)


@dataclass
class Entry:
    """One file to write: its genre, slug, front-matter and Markdown body."""

    genre: str
    slug: str
    title: str
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    departement: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def counts(n: int) -> dict[str, int]:
    """How many items of each genre for `n` items in all (largest remainders, then the floors)."""
    if n < MIN_ITEMS:
        raise ValueError(f"il faut au moins {MIN_ITEMS} éléments pour que chaque type soit présent")
    raw = {genre: n * share for genre, share, _ in SPLIT}
    result = {genre: int(value) for genre, value in raw.items()}
    for genre in sorted(raw, key=lambda k: raw[k] - result[k], reverse=True)[: n - sum(result.values())]:
        result[genre] += 1
    for genre, _, minimum in SPLIT:
        result[genre] = max(result[genre], minimum)
    while sum(result.values()) > n:
        biggest = max(result, key=lambda k: result[k])
        result[biggest] -= 1
    return result


class _Generator:
    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(f"communs-{seed}-{n}")
        self.n = n
        self.count = counts(n)
        self.slugs: set[str] = set()
        self.entries: dict[str, list[Entry]] = {genre: [] for genre, _, _ in SPLIT}
        self.entries["actualite"] = []

    # helpers -------------------------------------------------------------------------------

    def slug(self, title: str) -> str:
        base: str = slugify(title)
        if len(base) > 60:
            base = base[:60].rsplit("-", 1)[0]
        slug, number = base, 2
        while slug in self.slugs or slug == "index":
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug

    def sample(self, seq: Sequence[Any], low: int, high: int) -> list[Any]:
        return self.rng.sample(list(seq), min(len(seq), self.rng.randint(low, high)))

    def source(self, rapport: str) -> dict[str, Any]:
        start = self.rng.randint(20, 3000)
        source: dict[str, Any] = {"rapport": rapport}
        if self.rng.random() < 0.5:
            source["page"] = self.rng.randint(2, 80)
        source["lignes"] = f"{start}-{start + self.rng.randint(4, 90)}"
        return source

    def sources(self, low: int, high: int, main: str | None = None) -> list[dict[str, Any]]:
        reports = [e.slug for e in self.entries["rapport"]]
        chosen = self.sample(reports, low, high)
        if main is not None:
            chosen = [main, *[r for r in chosen if r != main]][: max(1, len(chosen))]
        return [self.source(r) for r in chosen]

    def fill(self, template: str, values: dict[str, str]) -> str:
        return template.format_map(values)

    # genres ---------------------------------------------------------------------------------

    def territories(self) -> None:
        wanted = self.count["territoire"]
        region = Entry("territoire", self.slug(REGION[1]), REGION[1], {"nom": REGION[1], "type": "region"})
        self.entries["territoire"].append(region)
        departements: dict[str, Entry] = {}
        for code, name, _ in DEPARTEMENTS[: min(len(DEPARTEMENTS), wanted - 1)]:
            entry = Entry("territoire", self.slug(name), name, departement=code)
            entry.meta = {"nom": name, "type": "departement", "parent": region.slug, "departements": [code]}
            departements[code] = entry
            self.entries["territoire"].append(entry)
        pays = [(code, de) for code in departements for de in PAYS[code]]
        self.rng.shuffle(pays)
        pays.sort(key=lambda p: list(departements).index(p[0]) > 1)  # Nord and Pas-de-Calais first
        subs = wanted - len(self.entries["territoire"])
        pays = pays[: max(1, -(-subs // 3))]  # about three levels-deep territories per pays used
        assemblies: dict[str, Entry] = {}
        rounds = 0
        while len(self.entries["territoire"]) < wanted:
            genre, start = SUB_TERRITORIES[rounds % len(SUB_TERRITORIES)]
            suffix = f" {rounds // len(SUB_TERRITORIES) + 1}" if rounds >= len(SUB_TERRITORIES) else ""
            for code, de in pays:
                if len(self.entries["territoire"]) >= wanted:
                    break
                name = f"{start} {de}{suffix}"
                parent = departements[code] if genre in ("assemblee-territoriale", "intercommunalite") else None
                parent = parent or assemblies.get(de) or departements[code]
                entry = Entry("territoire", self.slug(name), name, departement=code)
                entry.meta = {"nom": name, "type": genre, "parent": parent.slug, "departements": [code]}
                if genre == "versant" and self.rng.random() < 0.3:
                    entry.meta["alias"] = [name.replace("Versant ", "Croissant ")]
                if genre == "assemblee-territoriale":
                    assemblies[de] = entry
                self.entries["territoire"].append(entry)
            rounds += 1
        region.extra["annee"] = 2017

    def centres(self) -> None:
        territories = self.entries["territoire"]
        leaves = [t for t in territories if t.meta["type"] not in ("region", "departement")]
        homes = leaves or [t for t in territories if t.meta["type"] == "departement"]
        weights = [w for _, _, w in CENTRE_TYPES]
        for position in range(self.count["centre"]):
            territory = homes[position % len(homes)] if position < len(homes) else self.rng.choice(homes)
            commune, postal, lat, lon = self.rng.choice(COMMUNES[territory.departement])
            genre, prefix, _ = self.rng.choices(CENTRE_TYPES, weights)[0]
            if position == 0:
                genre, name = "federation", "Fédération des centres sociaux du Nord-Pas-de-Calais"
            else:
                name = f"{prefix} {self.rng.choice(CENTRE_NAMES)}"
                if slugify(name) in self.slugs:
                    name = f"{name} de {commune}"
            entry = Entry("centre", self.slug(name), name, departement=territory.departement)
            meta: dict[str, Any] = {"nom": name, "type": genre}
            if self.rng.random() < 0.7:
                meta["adresse"] = f"{self.rng.randint(1, 180)} {self.rng.choice(STREETS)}"
                meta["code_postal"] = postal
            meta["commune"] = commune
            if self.rng.random() < 0.6:
                phone_prefix = next(p for c, _, p in DEPARTEMENTS if c == territory.departement)
                meta["telephone"] = f"{phone_prefix} " + " ".join(f"{self.rng.randint(0, 99):02d}" for _ in range(3))
            if self.rng.random() < 0.4:
                meta["site"] = f"https://{entry.slug}.example.org"
            meta["territoire"] = territory.slug
            if genre == "centre-social" and self.rng.random() < 0.3:
                meta["gestionnaire"] = f"Association de gestion du {name.lower()}"
            if self.rng.random() < 0.5:
                meta["coordonnees"] = {
                    "lat": round(lat + self.rng.uniform(-0.03, 0.03), 4),
                    "lon": round(lon + self.rng.uniform(-0.03, 0.03), 4),
                }
            if self.rng.random() < 0.6:
                meta["labellise"] = self.rng.random() < 0.7
            entry.meta = meta
            entry.extra = {"commune": commune, "territoire": territory, "annee": self.rng.randint(2017, 2024)}
            self.entries["centre"].append(entry)
        for territory in territories:
            local = [c for c in self.entries["centre"] if c.meta["territoire"] == territory.slug]
            if local and territory.meta["type"] not in ("region", "departement"):
                territory.meta["coordination"] = self.rng.choice(local).slug

    def report_titles(self) -> None:
        territories = [t for t in self.entries["territoire"] if t.meta["type"] != "region"]
        for _ in range(self.count["rapport"]):
            genre, pattern = self.rng.choice(REPORT_KINDS)
            territory = self.rng.choice(territories)
            debut = self.rng.randint(2017, 2024)
            fin = min(2025, debut + self.rng.randint(0, 2))
            de = _of(territory.meta["nom"])
            title = pattern.format(de=de, annee=fin, debut=debut, fin=fin)
            entry = Entry("rapport", self.slug(title), title)
            entry.extra = {"genre": genre, "territoire": territory, "debut": debut, "fin": fin, "de": de}
            self.entries["rapport"].append(entry)

    def prototypes(self) -> None:
        centres = self.entries["centre"][1:] or self.entries["centre"]
        vocab = vocabulaires.default()
        for _ in range(self.count["prototype"]):
            what, domain, publics = self.rng.choice(SOLUTIONS)
            centre = self.rng.choice(centres)
            territory: Entry = centre.extra["territoire"]
            roll = self.rng.random()
            if roll < 0.45:
                title = f"{self.rng.choice(NICKNAMES)} : {what[0].lower()}{what[1:]}"
            elif roll < 0.8:
                title = f"{what} de {centre.extra['commune']}"
            else:
                title = f"{what} {_of(territory.meta['nom'])}"
            entry = Entry("prototype", self.slug(title), title)
            main = self.rng.choice(self.entries["rapport"]).slug
            first = self.rng.randint(2017, 2024)
            years = list(range(first, min(2025, first + self.rng.randint(0, 3)) + 1))
            other_publics = [p for p in vocab["publics"] if p not in publics]
            all_publics = [*publics, *self.sample(other_publics, 0, 2)]
            meta: dict[str, Any] = {
                "titre": title,
                "ajoute_le": _ajoute_le(entry.slug),
                "accroche": f"{what} : une idée née dans un centre du réseau, prête à être reprise",
                "resume": self.fill(
                    "{w} pour les {p}. Née à {c} en {a}, la solution associe un outil simple et un "
                    "accompagnement humain. Elle est documentée pour qu'un autre centre puisse la reprendre.",
                    {
                        "w": what,
                        "p": _label(vocab, "publics", all_publics[0]).lower(),
                        "c": centre.extra["commune"],
                        "a": str(first),
                    },
                ),
                "statut": self.rng.choices(list(vocab["statuts"]), [5, 15, 25, 30, 20, 5])[0],
                "domaines": [domain, *self.sample([d for d in vocab["domaines"] if d != domain], 0, 1)],
                "themes": self.sample(list(vocab["themes"]), 1, 2),
                "publics": all_publics,
            }
            if self.rng.random() < 0.8:
                meta["porteur"] = centre.slug
            else:
                meta["porteur"] = territory.slug
            meta["territoire"] = territory.slug
            meta["annees"] = years
            spread = self.sample([c for c in centres if c is not centre], 0, 4)
            if spread:
                meta["essaimage"] = [
                    {"centre": c.slug, "annee": self.rng.randint(years[-1], 2025)}
                    if self.rng.random() < 0.7
                    else {"centre": c.slug}
                    for c in spread
                ]
            meta["livrables"] = [
                {"type": t, "titre": f"{label} : {what[0].lower()}{what[1:]}"}
                | ({"url": f"https://example.org/communs/{entry.slug}/{t}"} if self.rng.random() < 0.3 else {})
                for t, label in self.sample(DELIVERABLES, 1, 3)
            ]
            if self.rng.random() < 0.3:
                meta["liens"] = [{"titre": f"Présentation de {title}", "url": f"https://example.org/solutions/{entry.slug}"}]
            if self.rng.random() < 0.6:
                meta["licence"] = self.rng.choice(list(vocab["licences"]))
            if self.rng.random() < 0.4:
                meta["chiffres"] = [
                    {
                        "valeur": self.rng.randint(5, 2500),
                        "libelle": figure,
                        "annee": years[-1],
                        "source": self.source(main),
                    }
                    for figure in self.sample(FIGURES, 1, 2)
                ]
            meta["sources"] = self.sources(1, 2, main)
            if meta["statut"] in ("deploye", "essaime"):
                meta["statut_source"] = dict(meta["sources"][0])  # the same report says how far it went (CSC207)
            if self.rng.random() < 0.15:
                meta["alias"] = [what]
            entry.meta = meta
            entry.extra = {
                "what": what,
                "centre": centre,
                "territoire": territory,
                "publics": all_publics,
                "main": main,
                "years": years,
            }
            self.entries["prototype"].append(entry)

    def prototype_body(self, entry: Entry) -> str:
        vocab = vocabulaires.default()
        centre: Entry = entry.extra["centre"]
        publics = [_label(vocab, "publics", p).lower() for p in entry.extra["publics"]]
        values = {
            "outil": entry.extra["what"][0].lower() + entry.extra["what"][1:],
            "titre": entry.title,
            "public": publics[0],
            "public2": publics[1] if len(publics) > 1 else publics[0],
            "commune": centre.extra["commune"],
            "centre": f"[{centre.title}](../centres/{centre.slug}.md)",
            "territoire": entry.extra["territoire"].meta["nom"],
            "annee": str(entry.extra["years"][0]),
            "annee2": str(entry.extra["years"][-1]),
            "nombre": str(self.rng.randint(2, 12)),
            "nombre2": str(self.rng.randint(8, 120)),
            "duree": self.rng.choice(("deux jours", "trois demi-journées", "une semaine", "quatre séances")),
        }
        return self.sections(PROTOTYPE_BANK, values, self.rng.randint(300, 600), lists=("À quoi ça sert ?", "Améliorations"))

    def sections(self, bank: dict[str, tuple[str, ...]], values: dict[str, str], target: int, lists: Sequence[str]) -> str:
        """Sections from `bank`, sentences added in turn until the body reaches `target` words."""
        pools = {name: self.rng.sample(list(sentences), len(sentences)) for name, sentences in bank.items()}
        chosen: dict[str, list[str]] = {name: [pools[name].pop()] for name in bank}
        words = sum(len(self.fill(s, values).split()) for ss in chosen.values() for s in ss)
        names = list(bank)
        while any(pools.values()):
            name = self.rng.choice([n for n in names if pools[n]])
            sentence = pools[name].pop()
            length = len(self.fill(sentence, values).split())
            if words + length > target:
                break
            chosen[name].append(sentence)
            words += length
        parts = []
        for name in names:
            ordered = sorted(chosen[name], key=bank[name].index)
            lines = [self.fill(s, values) for s in ordered]
            if name in lists:
                text = "\n".join(f"- {line}" for line in lines)
            else:
                half = max(1, len(lines) // 2) if len(lines) > 3 else len(lines)
                text = " ".join(lines[:half]) + ("\n\n" + " ".join(lines[half:]) if lines[half:] else "")
            parts.append(f"## {name}\n\n{_wrap(text)}")
        return "\n\n".join(parts)

    def fiches(self) -> None:
        prototypes = self.entries["prototype"]
        vocab = vocabulaires.default()
        for _ in range(self.count["fiche"]):
            activity, domain, publics, (age_min, age_max), screen_free, level = self.rng.choice(ACTIVITIES)
            title = f"{activity} {self.rng.choice(ACTIVITY_SUFFIXES)}"
            entry = Entry("fiche", self.slug(title), title)
            prototype = self.rng.choice(prototypes) if self.rng.random() < 0.7 else None
            centre: Entry = prototype.extra["centre"] if prototype else self.rng.choice(self.entries["centre"])
            low = self.rng.randint(3, 8)
            minutes = self.rng.choice((30, 45, 60, 90, 120, 180))
            meta: dict[str, Any] = {
                "titre": title,
                "ajoute_le": _ajoute_le(entry.slug),
                "resume": f"{activity} : une activité d'environ {minutes} minutes, "
                f"pensée pour les {_label(vocab, 'publics', publics[0]).lower()}, qui se prépare en peu de temps "
                "et se reprend facilement dans un autre centre.",
                "objectifs": self.sample(OBJECTIVES, 2, 4),
                "publics": list(publics),
            }
            if age_min is not None:
                meta["age_min"] = age_min
            if age_max is not None:
                meta["age_max"] = age_max
            meta["duree_minutes"] = minutes
            meta["participants"] = {"min": low, "max": low + self.rng.randint(2, 10)}
            meta["niveau"] = level
            meta["materiel"] = self.sample(SCREEN_FREE_MATERIALS if screen_free else MATERIALS, 2, 4)
            meta["sans_ecran"] = screen_free
            meta["domaines"] = [domain]
            if prototype is not None:
                meta["prototype"] = prototype.slug
            meta["porteur"] = centre.slug
            meta["territoire"] = centre.extra["territoire"].slug
            if self.rng.random() < 0.7:
                meta["licence"] = self.rng.choice(("CC-BY-4.0", "CC-BY-SA-4.0", "CC-BY-NC-SA-4.0", "etalab-2.0"))
            meta["sources"] = self.sources(1, 1, prototype.extra["main"] if prototype else None)
            entry.meta = meta
            entry.extra = {"prototype": prototype, "activity": activity}
            self.entries["fiche"].append(entry)

    def fiche_body(self, entry: Entry) -> str:
        target = self.rng.randint(150, 300)
        steps = self.rng.sample(list(FICHE_STEPS), self.rng.randint(4, 7))
        steps.sort(key=FICHE_STEPS.index)
        variants = self.sample(FICHE_VARIANTS, 2, 3)
        tips = self.sample(FICHE_TIPS, 2, 4)
        prototype: Entry | None = entry.extra["prototype"]
        intro = ""
        if prototype is not None:
            intro = f"Cette activité s'appuie sur la solution [{prototype.title}](../prototypes/{prototype.slug}.md).\n\n"
        words = sum(len(s.split()) for s in (*steps, *variants, *tips)) + len(intro.split())
        extra = [t for t in FICHE_TIPS if t not in tips]
        self.rng.shuffle(extra)
        while words < target and extra:
            tip = extra.pop()
            tips.append(tip)
            words += len(tip.split())
        numbered = "\n".join(f"{i}. {s}" for i, s in enumerate(steps, start=1))
        return (
            f"{intro}## Déroulé\n\n{numbered}\n\n## Variantes\n\n"
            + "\n".join(f"- {v}" for v in variants)
            + "\n\n## Conseils\n\n"
            + "\n".join(f"- {t}" for t in tips)
        )

    def terms(self) -> None:
        centres = self.entries["centre"]
        bank = list(TERMS)
        self.rng.shuffle(bank)
        contexts = list(TERM_CONTEXTS)
        for position in range(self.count["terme"]):
            word, category, gloss, variants = bank[position % len(bank)]
            round_ = position // len(bank)
            if round_ == 0:
                title = word
            else:
                context = contexts[(round_ - 1 + position) % len(contexts)]
                title = f"{word} ({context})"
            entry = Entry("terme", self.slug(title), title)
            article = "Le mot" if round_ == 0 else "Ici, le mot"
            definition = f"{article} « {word} » désigne {gloss}. {self.rng.choice(CATEGORY_SENTENCES[category])}"
            meta: dict[str, Any] = {"terme": title, "ajoute_le": _ajoute_le(entry.slug)}
            if variants and round_ == 0:
                meta["variantes"] = list(variants)  # a name belongs to one term only (CSC703)
            meta["categorie"] = category
            meta["definition"] = definition
            if self.rng.random() < 0.6:
                meta["exemple"] = f"Au centre social, on m'a expliqué le mot « {word} » avec un exemple de tous les jours."
            if self.rng.random() < 0.5:
                meta["mot_d_enfant"] = self.rng.choice(CHILD_WORDS)
            contributors = []
            for _ in range(self.rng.randint(0, 3)):
                person: dict[str, Any]
                roll = self.rng.random()
                if roll < 0.45:
                    person = {"prenom": self.rng.choice(FIRST_NAMES_CHILDREN)}
                    person["tranche_age"] = self.rng.choice(("6-8-ans", "9-11-ans", "12-14-ans"))
                elif roll < 0.65:
                    person = {"prenom": self.rng.choice(FIRST_NAMES_SENIORS), "tranche_age": "seniors"}
                else:
                    person = {"groupe": self.rng.choice(GROUPS), "tranche_age": self.rng.choice(("9-11-ans", "12-14-ans"))}
                person["centre"] = self.rng.choice(centres).slug
                person["annee"] = self.rng.randint(2019, 2026)
                contributors.append(person)
            meta["statut"] = self.rng.choices(("publie", "en-cours", "demande"), (80, 15, 5))[0]
            if contributors:
                meta["contributeurs"] = contributors
            if self.rng.random() < 0.3:
                meta["sources"] = self.sources(1, 1)
            entry.meta = meta
            self.entries["terme"].append(entry)
        slugs = [e.slug for e in self.entries["terme"]]
        for entry in self.entries["terme"]:
            related = self.sample([s for s in slugs if s != entry.slug], 0, 3) if len(slugs) > 1 else []
            if related:
                # keep the key order of the template: voir_aussi before contributeurs and statut
                meta = entry.meta
                ordered = {k: v for k, v in meta.items() if k not in ("contributeurs", "statut", "sources")}
                ordered["voir_aussi"] = related
                ordered.update({k: meta[k] for k in ("contributeurs", "statut", "sources") if k in meta})
                entry.meta = ordered

    def reports(self) -> None:
        vocab = vocabulaires.default()
        territories = [t.slug for t in self.entries["territoire"]]
        documented: dict[str, list[str]] = {}
        for prototype in self.entries["prototype"]:
            documented.setdefault(prototype.extra["main"], []).append(prototype.slug)
        for entry in self.entries["rapport"]:
            x = entry.extra
            month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
            meta: dict[str, Any] = {
                "titre": entry.title,
                "type": x["genre"],
                "periode": {"debut": x["debut"], "fin": x["fin"]},
                "date": dt.date(x["fin"] + 1, month, day),
                "auteurs": self.sample(AUTHORS, 1, 2),
                "commanditaires": self.sample(FUNDERS, 1, 3),
                "territoires": [x["territoire"].slug, *self.sample([t for t in territories if t != x["territoire"].slug], 0, 2)],
            }
            if self.rng.random() < 0.5:
                meta["url"] = f"https://example.org/rapports/{entry.slug}.pdf"
            meta["resume"] = (
                f"{_label(vocab, 'types_rapports', x['genre'])} de la démarche Centres Sociaux Connectés {x['de']}, "
                f"de {x['debut']} à {x['fin']}. Il décrit les solutions suivies, ce qu'elles ont changé pour les "
                "habitants et ce qu'il faut prévoir pour les reprendre ailleurs."
            )
            meta["chiffres_cles"] = [
                {
                    "valeur": self.rng.randint(3, 3000),
                    "libelle": figure,
                    "annee": x["fin"],
                    "source": {"rapport": entry.slug, "lignes": f"{(line := self.rng.randint(30, 2500))}-{line + 9}"},
                }
                for figure in self.sample(FIGURES, 2, 5)
            ]
            meta["preconisations"] = self.sample(RECOMMENDATIONS, 3, 6)
            if documented.get(entry.slug):
                meta["prototypes"] = documented[entry.slug]
            meta["sources"] = [{"rapport": entry.slug, "lignes": f"1-{self.rng.randint(20, 60)}"}]
            entry.meta = meta

    def report_body(self, entry: Entry) -> str:
        x = entry.extra
        values = {"de": x["de"], "debut": str(x["debut"]), "fin": str(x["fin"])}
        bank = {name: sentences for name, sentences in REPORT_SECTIONS}
        body = self.sections(bank, values, self.rng.randint(300, 600), lists=())
        figures = "\n".join(f"- {c['valeur']} {c['libelle']} en {c['annee']}." for c in entry.meta.get("chiffres_cles", []))
        body += f"\n\n## Les chiffres clés\n\n{figures}"
        documented = entry.meta.get("prototypes", [])[:5]
        if documented:
            titles = {p.slug: p.title for p in self.entries["prototype"]}
            links = "\n".join(f"- [{titles[s]}](../prototypes/{s}.md)" for s in documented)
            body += f"\n\n## Quelques solutions décrites\n\n{links}"
        return body

    def territory_body(self, entry: Entry) -> str:
        values = {"nom": entry.title, "annee": str(self.rng.randint(2017, 2023))}
        sentences = self.sample(TERRITORY_SENTENCES, 2, 4)
        if "{nom}" not in sentences[0]:
            sentences.insert(0, TERRITORY_SENTENCES[0])
        return _wrap(" ".join(self.fill(s, values) for s in dict.fromkeys(sentences)))

    def centre_body(self, entry: Entry) -> str:
        values = {"nom": entry.title, "commune": entry.extra["commune"], "annee": str(entry.extra["annee"])}
        sentences = [CENTRE_SENTENCES[0], *self.sample(CENTRE_SENTENCES[1:], 1, 4)]
        return _wrap(" ".join(self.fill(s, values) for s in sentences))

    def term_body(self) -> str:
        return _wrap(" ".join(self.sample(TERM_BODY, 1, 3)))

    def sources_for_places(self) -> None:
        for entry in (*self.entries["territoire"], *self.entries["centre"]):
            if self.rng.random() < 0.5:
                entry.meta["sources"] = self.sources(1, 2)

    def demandes(self) -> list[dict[str, Any]]:
        centres = [c.slug for c in self.entries["centre"]]
        asked = []
        for _ in range(max(1, self.n // 40)):
            word = self.rng.choice(TERMS)[0]
            demande: dict[str, Any] = {
                "mot": f"{word} et {self.rng.choice(TERM_CONTEXTS)}",  # never the name of a generated term (CSC704)
                "demande_par": self.rng.choice(centres),
                "date": dt.date(self.rng.randint(2024, 2026), self.rng.randint(1, 12), self.rng.randint(1, 28)),
            }
            if self.rng.random() < 0.3:
                demande["pris_en_charge_par"] = self.rng.choice(centres)
            asked.append(demande)
        return asked

    def news(self) -> None:
        for _ in range(max(1, self.n // NEWS_PER)):
            centre = self.rng.choice(self.entries["centre"])
            title = f"Nouvel atelier numérique à {centre.extra['commune']}"
            day = dt.date(self.rng.randint(2024, 2026), self.rng.randint(1, 12), self.rng.randint(1, 28))
            entry = Entry("actualite", self.slug(title), title, meta={"titre": title, "date": day, "centre": centre.slug})
            self.entries["actualite"].append(entry)

    def run(self) -> tuple[list[Entry], list[dict[str, Any]]]:
        self.territories()
        self.centres()
        self.report_titles()
        self.prototypes()
        self.fiches()
        self.terms()
        self.reports()
        self.news()
        self.sources_for_places()
        bodies: dict[str, Callable[[Entry], str]] = {
            "prototype": self.prototype_body,
            "fiche": self.fiche_body,
            "terme": lambda _: self.term_body(),
            "rapport": self.report_body,
            "territoire": self.territory_body,
            "centre": self.centre_body,
            "actualite": lambda e: "Un atelier ouvert à tous, sans inscription, à l'accueil du centre.",
        }
        everything = [e for genre in [*(g for g, _, _ in SPLIT), "actualite"] for e in self.entries[genre]]
        for entry in everything:
            entry.body = bodies[entry.genre](entry)
        return everything, self.demandes()


def _of(name: str) -> str:
    """« du Boulonnais » from « Assemblée territoriale du Boulonnais », « du Nord » from « Nord »."""
    for start, _ in SUB_TERRITORIES:
        if name.startswith(start + " "):
            return name[len(start) + 1 :]
    if name == "Hauts-de-France":
        return "des Hauts-de-France"
    return "de l'" + name if name[0] in "AEIOUÉ" else ("du " + name if name in ("Nord", "Pas-de-Calais") else "de la " + name)


def _label(vocab: vocabulaires.Vocabularies, name: str, value: str) -> str:
    text: str = vocabulaires.label(vocab, name, value)
    return text


_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
_KEEP = "\x00"


def _wrap(text: str, width: int = 110) -> str:
    """Wrap prose like a person would, keeping list items and blank lines."""
    out: list[str] = []
    text = _LINK.sub(lambda m: m.group(0).replace(" ", _KEEP), text)
    for line in text.split("\n"):
        indent = "   " if line[:3].rstrip(". ").isdigit() else "  " if line.startswith("- ") else ""
        current = ""
        for word in line.split(" "):
            if current and len(current) + 1 + len(word) > width:
                out.append(current)
                current = indent + word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    return "\n".join(out).replace(_KEEP, " ")


# ---------------------------------------------------------------------------------------------
# Writing the folders.
# ---------------------------------------------------------------------------------------------


class _Tagged:
    """A YAML value with a tag that safe_load does not know (`!ENV`, `!!python/name:`): kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag = tag
        self.node = node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


def _represent_tagged(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    return value.node


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(_Tagged, _represent_tagged)
_Dumper.add_representer(str, _represent_text)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


def _front_matter(meta: dict[str, Any], body: str) -> str:
    return f"---\n{_dump(meta)}---\n\n{body.rstrip()}\n"


def _prepare(dest: Path, replace: bool) -> None:
    if dest.exists() and any(dest.iterdir()):
        if not replace or not (dest / MARKER).is_file():
            raise FileExistsError(f"{dest} n'est pas vide et n'a pas été créé par ce générateur : choisissez un dossier vide.")
        shutil.rmtree(dest)
    dest.mkdir(parents=True, exist_ok=True)
    (dest / MARKER).write_text("Dossier généré par scripts/corpus.py ; il peut être effacé.\n", encoding="utf-8")


def _load_config() -> dict[str, Any]:
    data = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    if not isinstance(data, dict):
        raise ValueError("mkdocs.yml du dépôt illisible")
    return data


def _nav_targets(nav: Any) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [t for entry in nav for t in _nav_targets(entry)]
    if isinstance(nav, dict):
        return [t for value in nav.values() for t in _nav_targets(value)]
    return []


def _filter_nav(nav: Any, keep: Callable[[str], bool]) -> Any:
    """The nav without the entries whose page the corpus does not have."""
    if isinstance(nav, list):
        kept = [_filter_nav(entry, keep) for entry in nav]
        return [entry for entry in kept if entry not in (None, [], {})]
    if isinstance(nav, dict):
        kept_dict = {key: _filter_nav(value, keep) for key, value in nav.items()}
        return {key: value for key, value in kept_dict.items() if value not in (None, [], {})} or None
    if isinstance(nav, str):
        return nav if "://" in nav or keep(nav) else None
    return nav


def _our_config(dest: Path, pages: set[str]) -> dict[str, Any]:
    """The repository's mkdocs.yml, pointed at the corpus and at the repository's theme overrides."""
    config = _load_config()
    docs_dir = str(config.get("docs_dir", "docs"))
    config["docs_dir"] = "content"
    config["site_dir"] = "site"
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str((REPO / theme["custom_dir"]).resolve())
    if isinstance(config.get("hooks"), list):
        config["hooks"] = [str((REPO / h).resolve()) if isinstance(h, str) else h for h in config["hooks"]]
    for key in ("extra_css", "extra_javascript"):
        for asset in config.get(key, []) or []:
            path = asset if isinstance(asset, str) else asset.get("path") if isinstance(asset, dict) else None
            source = REPO / docs_dir / str(path)
            if path and "://" not in str(path) and source.is_file():
                (dest / "content" / str(path)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest / "content" / str(path))
    plugins = config.get("plugins")
    if isinstance(plugins, dict) and isinstance(plugins.get("communs"), dict):
        plugins["communs"]["editeur"] = False  # the web editor is not what a corpus measures
    generated = {f"{genre.url_prefix}/index.md" for genre in genres.GENRES if genre.catalogue}
    if "nav" in config:
        config["nav"] = _filter_nav(config["nav"], lambda target: target in pages or target in generated)
    return config


def _plain_config(ours: dict[str, Any]) -> dict[str, Any]:
    config: dict[str, Any] = {
        "site_name": ours.get("site_name", "Le commun"),
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "fr", "font": False, "features": ["navigation.prune"]},
        "plugins": [{"search": {"lang": "fr"}}],
    }
    if "markdown_extensions" in ours:
        config["markdown_extensions"] = ours["markdown_extensions"]
    return config


def home_page(entries: Sequence[Entry]) -> str:
    counted = {genre.name: sum(1 for e in entries if e.genre == genre.name) for genre in genres.GENRES}
    lines = [
        "---",
        "title: Le commun des Centres Sociaux Connectés (corpus de test)",
        "---",
        "",
        "# Le commun des Centres Sociaux Connectés",
        "",
        "Ce site est un corpus généré pour mesurer la vitesse de construction. Il contient :",
        "",
    ]
    lines += [
        f"- [{counted[genre.name]} {genre.plural.lower()}]({genre.url_prefix}/index.md)"
        for genre in genres.GENRES
        if genre.catalogue
    ]
    return "\n".join(lines) + "\n"


def generate(dest: Path, n: int, seed: int = 0, *, replace: bool = False) -> None:
    """Write a complete project folder of `n` items at `dest` (an empty folder, or one this function made)."""
    entries, demandes = _Generator(n, seed).run()
    _prepare(dest, replace)
    for entry in entries:
        folder = dest / genres.BY_NAME[entry.genre].folder
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{entry.slug}.md").write_text(_front_matter(entry.meta, entry.body), encoding="utf-8")
    lexique = dest / genres.DEMANDES
    lexique.write_text("# Mots demandés par des habitants, en attente d'une définition.\n" + _dump(demandes), encoding="utf-8")
    (dest / genres.CONTENT_DIR / "index.md").write_text(home_page(entries), encoding="utf-8")
    config = _our_config(dest, {"index.md"})
    header = f"# Corpus de {n} éléments (graine {seed}) généré par scripts/corpus.py ; les greffons du commun sont actifs.\n"
    (dest / "mkdocs.yml").write_text(header + _dump(config), encoding="utf-8")


def generate_plain(corpus: Path, dest: Path, *, replace: bool = False) -> None:
    """The same pages as `corpus` in one docs folder, for MkDocs + Material alone (no plugin of ours)."""
    _prepare(dest, replace)
    docs = dest / "docs"
    shutil.copytree(corpus / genres.CONTENT_DIR, docs)
    for folder in genres.EXTERNAL_FOLDERS:
        if (corpus / folder).is_dir():
            shutil.copytree(corpus / folder, docs / folder)
    for uri, page in Site(corpus, Urls()).plan.generees.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump({"title": page.titre}, allow_unicode=True)
        (docs / uri).write_text(f"---\n{front}---\n\n{page.html}\n", encoding="utf-8")
    ours = yaml.load((corpus / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    header = "# Les mêmes pages, construites par MkDocs et Material seuls, sans greffon du commun.\n"
    (dest / "mkdocs.yml").write_text(header + _dump(_plain_config(ours)), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Génère un corpus réaliste du commun pour le banc d'essai.")
    parser.add_argument("dest", type=Path, help="dossier à créer (vide)")
    parser.add_argument("-n", type=int, default=1000, help="nombre d'éléments (par défaut : 1000)")
    parser.add_argument("--graine", type=int, default=0, help="graine du générateur (par défaut : 0)")
    parser.add_argument("--simple", type=Path, help="écrit aussi la variante MkDocs + Material seuls dans ce dossier")
    parser.add_argument("--remplacer", action="store_true", help="remplace un corpus déjà généré à cet endroit")
    args = parser.parse_args(argv)
    try:
        generate(args.dest, args.n, args.graine, replace=args.remplacer)
        if args.simple:
            generate_plain(args.dest, args.simple, replace=args.remplacer)
    except (ValueError, FileExistsError) as exc:
        print(f"corpus : {exc}", file=sys.stderr)
        return 2
    share = ", ".join(f"{count} {genre}" for genre, count in counts(args.n).items())
    print(f"{args.dest} : {args.n} éléments ({share}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
