from tianping.catalog.models.catalogs import CatalogEntry, CatalogVersion
from tianping.catalog.models.numbering import CaseNumberSequence, IssuedCaseNumber

__all__ = ["CatalogEntry", "CatalogVersion", "CaseNumberSequence", "IssuedCaseNumber"]
