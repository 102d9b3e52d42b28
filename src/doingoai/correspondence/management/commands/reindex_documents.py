"""``doingoai reindex_documents``: take the text of every document's file again (the documents
registered before the file's text was kept, or after a change of the readers)."""

from django.core.management.base import BaseCommand

from doingoai.core.list_cache import rows_written
from doingoai.correspondence.filetext import text_of
from doingoai.correspondence.models import Document


class Command(BaseCommand):
    help = "Read the text of every document's file again, for the list's search."

    def handle(self, *args, **options):
        done = unreadable = 0
        for document in Document.all_objects.exclude(file="").iterator(chunk_size=100):
            document.file_text = text_of(document.file)
            document.fill_search_text()
            # The text is derived from the file, not a change anyone made: written without a
            # new version or history entry, as search_text is by bulk writes.
            Document.all_objects.filter(pk=document.pk).update(
                file_text=document.file_text, search_text=document.search_text)
            done += 1
            unreadable += document.file_text_unreadable
        if done:
            rows_written(Document)  # the cached lists search the new text
        self.stdout.write(f"{done} documents read, {unreadable} without readable text.")
