"""The web page for residents: one self-contained, accessible HTML file of the period's facts."""
