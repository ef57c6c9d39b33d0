"""The desktop app: Qt widgets that turn clicks into ``tracker`` calls (no SQL, no rules here)."""
