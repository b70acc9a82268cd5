"""Parties, shared by filings and cases: who they are (details, vocabulary) and how their
details are copied from a filing into a case. Below both; no models of its own."""
