"""Plumbing for the course notebooks: what learners' notebooks import.

One concern per module:

- ``data``: find ``data/``, load a dataset with the types of the data dictionary, cite its
  sources (source lines, reference lists, the data cut-off, a lesson's named voices).
- ``charts``: the house style, subtitles, source lines and alt text for every chart.
- ``checks``: exercise questions with ``check()``, ``hint()`` and ``solution()``.
- ``figures``: what a learner's chart shows (its values, words and units), for the chart checks.
- ``errors``: errors written for learners, and the policy for faults in the course's own code.
- ``widgets``: interactive views built from pure functions (each returns a ``ViewResult``), with
  a static picture.
- ``lessons``: the lesson metadata in ``lessons.toml``, Binder and JupyterHub links, and the
  estimator of a lesson's minutes.
- ``questions.lNN`` and ``views.lNN``: one lesson's questions and widget views; ``logic.lNN``: the
  lesson's computations that both of them use.

``aicourse.build`` holds the tools for authors and teachers, which notebooks never import:
``headers`` (generated cells, contents, README table, guide), ``make_exercises``, ``store``,
``benchmark``, ``site`` (reading copy), ``nbfiles`` (notebook normal form), ``outdir`` (folders
that tasks write: nothing the course did not write is ever removed), ``glossary``, ``guide``,
``lessontext``, ``answerkey``, ``classpack``, ``slides``, ``handouts``, ``classverdicts``,
``browser``, ``datapackage`` and ``kernelenv``.

Notebooks import this package from the repository root (their first code cell puts that
root on ``sys.path``), so no install step is needed beyond the pinned requirements.
"""
