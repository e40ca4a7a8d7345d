"""Import an existing Early Help Offer document: read it, extract the contract JSON, score it.

The engine is plain Python over plain dataclasses (`result.py`); nothing here touches the
database yet. `pipeline.import_offer(path)` is the one entry point; the management commands
`import_offer` and `eval_import` (also spelt `import-offer`, `eval-import`) wrap it.
"""
