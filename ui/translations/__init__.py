"""The French catalogue of the interface (``fieldapp_fr.ts`` source, ``fieldapp_fr.qm`` built)."""
