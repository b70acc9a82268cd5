"""Steps that span apps: one function per use case, each one transaction, called by pages
and API alike. Flows sit above every domain app (filings, cases, deadlines ...) and below
the pages and API; no domain app imports a flow."""
