"""The live preview for editors (`./scripts/serve`): each language built once and kept in memory,
then only what a save affects rendered again, with the build's checks first and their messages shown
in the browser over the last good pages."""
