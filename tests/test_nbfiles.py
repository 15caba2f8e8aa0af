"""The notebook normal form: ids that stay with their cells, validation on every write, and
generated cells told apart from the author's."""

import copy

import nbformat
import pytest

from aicourse import lessons
from aicourse.build import headers, nbfiles

ROOT = lessons.ROOT
COURSE, LESSONS = lessons.load()


def ids(nb):
    return [c["id"] for c in nb["cells"]]


def test_inserting_a_cell_changes_no_other_cells_id():
    nb = nbfiles.read(LESSONS[1].path())
    before = ids(nbfiles.normalise(copy.deepcopy(nb)))
    nb["cells"].insert(5, nbfiles.code("x = 1"))
    nb["cells"].insert(0, nbfiles.markdown("A new first paragraph."))
    after = ids(nbfiles.normalise(nb))
    assert after[1:6] == before[:5] and after[7:] == before[5:]
    assert len(set(after)) == len(after)
    assert nbfiles.VALID_ID.fullmatch(after[0]) and nbfiles.VALID_ID.fullmatch(after[6])


def test_normal_form_is_stable_and_new_ids_come_from_content():
    def fresh():
        return nbfiles.notebook([nbfiles.markdown("same"), nbfiles.markdown("same"),
                                 nbfiles.code("x")])

    assert nbfiles.dumps(fresh()) == nbfiles.dumps(fresh())  # the same notebook, the same ids
    assert len(set(ids(nbfiles.normalise(fresh())))) == 3  # equal cells, distinct ids


def test_a_copied_cell_gets_its_own_id():
    nb = nbfiles.notebook([nbfiles.markdown("a", cell_id="intro"), nbfiles.markdown("b", cell_id="intro"),
                           nbfiles.markdown("c", cell_id="not valid!")])
    got = ids(nbfiles.normalise(nb))
    assert got[0] == "intro" and got[1] != "intro" and got[2] != "not valid!"
    assert len(set(got)) == 3


def test_an_invalid_notebook_is_not_written(tmp_path):
    nb = nbfiles.notebook([nbfiles.markdown("fine")])
    nb["cells"].append({"cell_type": "raw-ish", "metadata": {}, "source": "?"})
    with pytest.raises(nbformat.ValidationError):
        nbfiles.write(nb, tmp_path / "broken.ipynb")
    assert not (tmp_path / "broken.ipynb").exists()


def test_an_author_cell_that_begins_like_a_marker_is_kept():
    """'# setup the figure' is the author's code, not the generated '# setup:' cell."""
    lesson = LESSONS[1]
    nb = nbfiles.read(lesson.path())
    mine = [nbfiles.code("# setup the figure\nfig = None"),
            nbfiles.markdown("<!-- navigation notes of the author -->\nText."),
            nbfiles.markdown("# setup: a heading, not code")]
    nb["cells"][4:4] = mine
    out = headers.apply(nb, COURSE, LESSONS, lesson, "notebooks")
    sources = [nbfiles.source(c) for c in out["cells"]]
    for cell in mine:
        assert sources.count(nbfiles.source(cell)) == 1
    assert [headers.generated_kind(c) for c in out["cells"]].count("setup") == 1


def test_generated_cells_keep_their_ids():
    lesson = LESSONS[2]
    nb = nbfiles.read(lesson.path())
    out = nbfiles.normalise(headers.apply(copy.deepcopy(nb), COURSE, LESSONS, lesson, "notebooks"))
    assert ids(out) == ids(nb)
