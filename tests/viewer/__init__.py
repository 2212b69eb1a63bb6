"""Tests of harness view: run discovery, the JSON API, the command and the pages in a real browser."""
