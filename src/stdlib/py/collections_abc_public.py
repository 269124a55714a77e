"""collections.abc: the abstract base classes of containers, defined in
`_collections_abc` (importable without loading the collections package,
as typing does) and re-exported here."""

from _collections_abc import *
from _collections_abc import __all__
