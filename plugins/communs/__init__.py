"""Le commun des Centres Sociaux Connectés : validation du contenu et génération du site."""

__version__ = "0.1.0"
