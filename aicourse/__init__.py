"""Plumbing for the course notebooks.

One concern per module:

- ``data``: find ``data/`` and load a dataset with the types of the data dictionary.
- ``charts``: the house style, source lines and alt text for every chart.
- ``checks``: exercise questions with ``check()``, ``hint()`` and ``solution()``.
- ``figures``: what a learner's chart shows (its values, words and units), for the chart checks.
- ``errors``: errors written for learners, and the policy for faults in the course's own code.
- ``widgets``: interactive views built from pure functions, with a static picture.
- ``lessons``: the lesson metadata in ``lessons.toml``, Binder and JupyterHub links.
- ``headers``: writes each notebook's header and navigation from that metadata.
- ``make_exercises``: writes ``exercises/`` from ``solutions/``.
- ``glossary``: the glossary page and each lesson's terms, from ``glossary.toml``.
- ``store``, ``benchmark``, ``site``: tools for authors (stored outputs, timings, the
  reading copy in HTML).
- ``outdir``: folders that tasks write; nothing the course did not write is ever removed.
- ``lessontext``: the parts of a lesson's text that teacher materials reuse (discussion, views,
  exercise prompts); ``answerkey``, ``classpack``, ``slides``, ``handouts`` and
  ``classverdicts``: the teacher's kit (answer key, learners' copy, decks, PDF worksheets, the
  class's capstone verdicts); ``browser``: headless Chromium for printing and tests.
- ``questions.lNN`` and ``views.lNN``: one lesson's questions and widget views.

Notebooks import this package from the repository root (their first code cell puts that
root on ``sys.path``), so no install step is needed beyond the pinned requirements.
"""
