"""Ingesting news articles: readers, the rule catalogue, entity resolution, dates, evidence, pipeline."""
