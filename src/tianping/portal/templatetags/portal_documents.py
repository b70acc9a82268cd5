"""`{% filing_documents filing %}`: the documents a filing's court issued to its filer, as
a card of links (`portal.documents`), for the filer's pages."""

from django import template

from tianping.portal.documents import filing_documents as issued

register = template.Library()


@register.inclusion_tag("portal/_filing_documents.html")
def filing_documents(filing):
    return {"documents": issued(filing)}
