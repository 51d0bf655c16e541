"""Stage 2, templates: the department workbooks, and the contract their reader relies on."""
