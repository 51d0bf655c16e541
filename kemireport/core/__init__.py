"""The foundation every stage uses: periods, findings, settings, Finnish text, safe output."""
