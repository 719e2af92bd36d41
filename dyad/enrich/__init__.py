"""Enrich: when an event happened (dates), where (places) and who said what (quotes).

Each module is a pure function over the article Doc that the earlier stages annotated;
coder.py turns what they return into the fields of the Event and Quote records.
"""
