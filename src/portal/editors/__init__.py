"""Ways in for editors: the proposal form, the CMS configuration, the scaffold and the field reference."""
