"""The stable diagnostic codes. A code never changes meaning; retired codes are not reused."""

from __future__ import annotations

# Reading a file and its front-matter.
FICHIER_VIDE = "CSC101"
FICHIER_BINAIRE = "CSC102"
ENTETE_ABSENTE = "CSC103"
ENTETE_NON_FERMEE = "CSC104"
YAML_INVALIDE = "CSC105"
YAML_TABULATION = "CSC106"
CLE_DUPLIQUEE = "CSC107"
ENTETE_PAS_DICTIONNAIRE = "CSC108"
DATE_IMPOSSIBLE = "CSC109"
YAML_ALIAS = "CSC110"
YAML_TROP_PROFOND = "CSC111"
FICHIER_TROP_GROS = "CSC112"
CONTENU_TROP_COMPLEXE = "CSC113"

# The fields of each genre.
CHAMP_OBLIGATOIRE = "CSC201"
CHAMP_INCONNU = "CSC202"
TYPE_INVALIDE = "CSC203"
HORS_VOCABULAIRE = "CSC204"
VALEUR_INVALIDE = "CSC205"
INCOHERENCE = "CSC206"
STATUT_SANS_SOURCE = "CSC207"

# Files and slugs.
NOM_FICHIER = "CSC301"
SLUG_DUPLIQUE = "CSC302"
LIEN_SYMBOLIQUE = "CSC303"
HORS_DEPOT = "CSC304"

# References between items and to files.
REFERENCE_INCONNUE = "CSC401"
REFERENCE_MAUVAIS_TYPE = "CSC402"
FICHIER_INTROUVABLE = "CSC403"
PARENT_CIRCULAIRE = "CSC404"
CHEMIN_HORS_SITE = "CSC405"

# The Markdown body.
SECTION_MANQUANTE = "CSC501"
TEXTE_MODELE = "CSC502"
HTML_DANGEREUX = "CSC503"
HTML_NON_PERMIS = "CSC505"
ADRESSE_REFUSEE = "CSC506"

# Protecting contributors (children).
CONTRIBUTEUR_EMAIL = "CSC601"
CONTRIBUTEUR_TELEPHONE = "CSC602"
CONTRIBUTEUR_NOM = "CSC603"
CONTRIBUTEUR_NAISSANCE = "CSC604"
CONTRIBUTEUR_ADRESSE = "CSC605"
CONTRIBUTEUR_AGE = "CSC606"
PERSONNES_SANS_AUTORISATION = "CSC607"

# The lexicon: plain words, one name for one term, requests already answered.
DEFINITION_LONGUE = "CSC701"
PHRASE_LONGUE = "CSC702"
NOM_DE_TERME_PARTAGE = "CSC703"
DEMANDE_DEJA_DEFINIE = "CSC704"

# Pictures (the `image` and `logo` fields): readable, light, fixed, described in words.
IMAGE_ILLISIBLE = "CSC801"
IMAGE_TROP_PETITE = "CSC802"
IMAGE_TROP_GRANDE = "CSC803"
IMAGE_ANIMEE = "CSC804"
IMAGE_SVG = "CSC805"
IMAGE_ALT = "CSC806"

DESCRIPTIONS: dict[str, str] = {
    FICHIER_VIDE: "fichier vide",
    FICHIER_BINAIRE: "fichier illisible (binaire ou pas en UTF-8)",
    ENTETE_ABSENTE: "en-tête YAML absent",
    ENTETE_NON_FERMEE: "en-tête YAML non fermé par ---",
    YAML_INVALIDE: "YAML invalide",
    YAML_TABULATION: "tabulation dans le YAML",
    CLE_DUPLIQUEE: "clé écrite deux fois",
    ENTETE_PAS_DICTIONNAIRE: "en-tête qui n'est pas une liste de clés",
    DATE_IMPOSSIBLE: "date impossible",
    YAML_ALIAS: "ancre ou alias YAML (& ou *), refusés",
    YAML_TROP_PROFOND: "en-tête YAML imbriqué trop profondément",
    FICHIER_TROP_GROS: "fichier de contenu trop gros",
    CONTENU_TROP_COMPLEXE: "texte trop imbriqué ou trop chargé en crochets pour une mise en page bornée",
    CHAMP_OBLIGATOIRE: "champ obligatoire manquant",
    CHAMP_INCONNU: "champ inconnu (souvent une faute de frappe)",
    TYPE_INVALIDE: "valeur du mauvais type",
    HORS_VOCABULAIRE: "valeur hors du vocabulaire contrôlé",
    VALEUR_INVALIDE: "valeur invalide (format, bornes)",
    INCOHERENCE: "valeurs incohérentes entre elles",
    STATUT_SANS_SOURCE: "statut « déployé » ou « essaimé » sans la phrase du rapport qui le montre",
    NOM_FICHIER: "nom de fichier non conforme (minuscules, sans accent, tirets)",
    SLUG_DUPLIQUE: "même nom de fichier pour deux éléments",
    LIEN_SYMBOLIQUE: "lien symbolique dans le contenu (jamais suivi ni publié)",
    HORS_DEPOT: "chemin qui sort du dépôt",
    REFERENCE_INCONNUE: "référence à un élément qui n'existe pas",
    REFERENCE_MAUVAIS_TYPE: "référence vers un élément du mauvais type",
    FICHIER_INTROUVABLE: "image ou fichier introuvable",
    PARENT_CIRCULAIRE: "territoires parents en boucle",
    CHEMIN_HORS_SITE: "lien ou image dont le chemin sort du site",
    SECTION_MANQUANTE: "section ## attendue absente",
    TEXTE_MODELE: "texte du modèle laissé en place",
    HTML_DANGEREUX: "HTML qui pourrait exécuter du code",
    HTML_NON_PERMIS: "HTML hors de la liste permise (retiré par le nettoyage)",
    ADRESSE_REFUSEE: "adresse refusée (seules http, https, mailto, tel et les adresses relatives)",
    CONTRIBUTEUR_EMAIL: "adresse e-mail d'un contributeur",
    CONTRIBUTEUR_TELEPHONE: "numéro de téléphone d'un contributeur",
    CONTRIBUTEUR_NOM: "plus qu'un prénom pour un contributeur",
    CONTRIBUTEUR_NAISSANCE: "date de naissance d'un contributeur",
    CONTRIBUTEUR_ADRESSE: "adresse postale d'un contributeur",
    CONTRIBUTEUR_AGE: "âge exact d'un contributeur (au lieu de sa tranche d'âge)",
    PERSONNES_SANS_AUTORISATION: "image où l'on voit des personnes sans leur autorisation déclarée",
    DEFINITION_LONGUE: "définition du lexique de plus de 40 mots",
    PHRASE_LONGUE: "phrase de plus de 20 mots dans une définition du lexique",
    NOM_DE_TERME_PARTAGE: "même mot ou variante dans deux termes du lexique",
    DEMANDE_DEJA_DEFINIE: "mot demandé qui a déjà sa page dans le lexique",
    IMAGE_ILLISIBLE: "image illisible ou dans un format refusé",
    IMAGE_TROP_PETITE: "image trop petite (floue une fois affichée)",
    IMAGE_TROP_GRANDE: "image trop lourde ou trop grande",
    IMAGE_ANIMEE: "image animée (GIF, WebP ou PNG animé)",
    IMAGE_SVG: "dessin SVG à la place d'une photo ou d'une image",
    IMAGE_ALT: "texte de remplacement d'une image vide ou qui n'est qu'un nom de fichier",
}
