"""Stage 7, the cycle: the commands of the half-year, on a working folder."""
