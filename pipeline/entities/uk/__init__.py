"""Ukrainian entities: parties and officials in an inflecting language.

Every module reads tokens through ``tokens`` (lemmas and grammemes from pymorphy3's
Ukrainian dictionary); ``recognizer`` is the stage's entry point (``UkrainianRecognizer``),
``persons`` turns person spans into officials, and the rest are the lexicons and tests
the two share.
"""
