"""Contributing without git: new files from the models, issue forms turned into files, the web editor's configuration."""
