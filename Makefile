# Les tâches du commun. Chaque cible crée l'environnement virtuel .venv s'il manque.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installe

# Le second moteur, Pelican, dans son propre environnement : Pelican 4.12 demande pygments<2.20,
# Material 9.8.1 pygments>=2.20 ; les deux ne peuvent pas partager .venv.
VENV_PELICAN := .venv-pelican
STAMP_PELICAN := $(VENV_PELICAN)/.installe
PELICAN := $(VENV_PELICAN)/bin/python -m communs.adapters.pelican.construire

AXE := node_modules/axe-core/axe.min.js
DECAP := node_modules/decap-cms/dist/decap-cms.js

.PHONY: serve build publier hors-ligne verifier schemas test lint lint-workflows depuis-issue clean chromium \
	pelican hors-ligne-pelican serve-pelican site-centre

$(STAMP): requirements.txt requirements-dev.txt plugins/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e plugins
	touch $(STAMP)

$(STAMP_PELICAN): requirements-pelican.txt plugins/pyproject.toml
	$(PYTHON) -m venv $(VENV_PELICAN)
	$(VENV_PELICAN)/bin/python -m pip install --quiet --require-hashes -r requirements-pelican.txt
	$(VENV_PELICAN)/bin/python -m pip install --quiet --no-deps -e plugins
	touch $(STAMP_PELICAN)

## serve : construit le site et le sert sur http://127.0.0.1:8000 (se recharge à chaque modification)
serve: $(STAMP) $(DECAP)
	$(BIN)/mkdocs serve --dirty --dev-addr 127.0.0.1:8000

## build : construit le site dans site/ (échoue à la moindre erreur de contenu)
build: $(STAMP) $(DECAP)
	$(BIN)/mkdocs build --strict

## publier : la construction publiée, datée du dernier commit (SOURCE_DATE_EPOCH) ; les adresses du site et du
## dépôt viennent de COMMUNS_SITE_URL et COMMUNS_DEPOT_URL (voir mkdocs.yml)
publier: $(STAMP) $(DECAP)
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct) $(BIN)/mkdocs build --strict

## hors-ligne : écrit dans hors-ligne/ une copie du site qui s'ouvre sans réseau (dossier, clé USB)
hors-ligne: $(STAMP)
	$(BIN)/mkdocs build --strict -f mkdocs-hors-ligne.yml
	@echo "Copie hors ligne prête : ouvrez hors-ligne/index.html dans un navigateur."

## pelican : construit le même site avec Pelican, le second moteur, dans site-pelican/
pelican: $(STAMP_PELICAN)
	$(PELICAN) . site-pelican --strict

## hors-ligne-pelican : la copie hors ligne construite par Pelican, dans hors-ligne-pelican/
hors-ligne-pelican: $(STAMP_PELICAN)
	$(PELICAN) . hors-ligne-pelican --strict --fichiers

## serve-pelican : construit le site avec Pelican, le sert sur http://127.0.0.1:8001 et le reconstruit à chaque
## modification ; la page d'un texte modifié sous un en-tête inchangé est réécrite aussitôt, puis seuls les fichiers
## modifiés sont relus (cache de Pelican, site-pelican.cache/) et la page ouverte se recharge d'elle-même
serve-pelican: $(STAMP_PELICAN)
	$(PELICAN) . site-pelican --servir 8001

## site-centre : écrit le site d'une page d'un centre dans sites-centres/<centre>/ (make site-centre CENTRE=centre-social-la-busette)
CENTRE ?= centre-social-la-busette
## Sans COMMUNS_SITE_URL ni COMMUNS_DEPOT_URL, ses liens vers le commun mènent à la copie hors ligne, construite avant.
site-centre: $(STAMP_PELICAN)
	$(if $(COMMUNS_SITE_URL)$(COMMUNS_DEPOT_URL),,$(PELICAN) . hors-ligne-pelican --strict --fichiers)
	$(VENV_PELICAN)/bin/communs site-centre $(CENTRE)

## verifier : vérifie le contenu sans construire le site
verifier: $(STAMP)
	$(BIN)/communs verifier --strict

## schemas : régénère les schémas JSON des en-têtes (content/donnees/schemas/)
schemas: $(STAMP)
	$(BIN)/communs schemas

lint: $(STAMP) lint-workflows
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy plugins scripts

## lint-workflows : relit les flux GitHub Actions (actionlint, zizmor ; aucune requête réseau)
lint-workflows: $(STAMP)
	$(BIN)/actionlint
	$(BIN)/zizmor --offline --persona pedantic .github/workflows
	$(BIN)/pre-commit validate-config .pre-commit-config.yaml

## depuis-issue : fait de l'issue ISSUE_NUMERO (son texte dans ISSUE_CORPS) une demande de fusion, ou la commente
depuis-issue: $(STAMP)
	printf '%s\n' "$$ISSUE_CORPS" | $(BIN)/python scripts/depuis_issue.py - --issue "$$ISSUE_NUMERO" --date "$$ISSUE_DATE" $(ESSAI)

# axe-core (accessibilité), l'éditeur web decap-cms et son serveur local decap-server, depuis le registre npm,
# versions exactes de package-lock.json.
$(AXE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(AXE)

$(DECAP): $(AXE)
	test -f $(DECAP)

# Chromium de Debian pour les tests navigateur ; aucun navigateur n'est téléchargé par les outils de test.
# La police DejaVu (fonts-dejavu-core) dessine les cartes de partage : les empreintes des pages en dépendent.
chromium:
	@{ command -v chromium && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf; } >/dev/null 2>&1 || { \
	  echo "Installation de Chromium et de la police DejaVu (paquets Debian chromium, fonts-dejavu-core)..."; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core; }

## test : lance tous les tests (qualité du code, vérification du contenu, sites de test, navigateur)
test: lint $(AXE) $(DECAP) chromium $(STAMP_PELICAN)
	$(BIN)/communs schemas --verifier
	$(BIN)/communs verifier --strict
	$(BIN)/python -m pytest

clean:
	rm -rf site hors-ligne $(VENV) site-pelican site-pelican.cache hors-ligne-pelican hors-ligne-pelican.cache sites-centres $(VENV_PELICAN)
