"""l10n: offline translation and localization of news articles.

The pipeline, one module per stage: ``extract`` (page → article), ``segment``
(article → sentences with stable ids), ``glossary`` (term locking), ``engine``
(machine translation), ``catalog`` (gettext PO files), ``score`` and ``check``
(quality), ``build`` (publishable editions). ``pipeline`` runs the stages for
``l10n translate``; ``cli`` is a thin command-line layer over all of them.
Importing the package has no side effects.
"""

__version__ = "0.1.0"
