"""The MkDocs adapter: wires the engine-free core into MkDocs hooks, nothing more."""
