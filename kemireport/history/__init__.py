"""Stage 5, history: one consolidated record per action per period, kept in SQLite."""
