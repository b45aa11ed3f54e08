"""The site: generated pages (Jinja templates), charts, structured data and downloads, made
from the records and their analysis. Plain Python: MkDocs sees only the pages it is handed."""
