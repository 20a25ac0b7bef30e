"""Review-window tests that drive the window's edit, save and reload paths together."""
