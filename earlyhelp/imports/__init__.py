"""Import an existing Early Help Offer document: read it, extract the contract JSON, score it.

The engine is plain Python over plain dataclasses (`result.py`) and touches no database;
`pipeline.import_offer(path)` is its one entry point; the management commands `import_offer`
and `eval_import` (also spelt `import-offer`, `eval-import`) wrap it. `--save` goes through
`actions.save_import`, which matches services against the directory (`matching/`) and keeps
an `ImportRun` for the review screen (`actions.apply_review`); see docs/adr/0010.
"""
