"""Who the parties of a document are: ``resolver.PartyResolver`` and its evidence.

Each module reads one kind of evidence (``instrument``: the instrument's own formulas;
``issuers``: acts and statements with one author; ``reports`` and ``signings``: news
reports and their signing sentences); ``resolver.find_parties`` asks them in order of
strength. ``opening`` finds a document's opening and kind, ``mentions`` holds the id index
they share and the mentions added afterwards, and ``affiliations`` gives officials their
party once the parties are known.
"""
