"""Stage 3, reading returns: safety pre-checks, then what a person sees in each workbook."""
