"""Tools for authors and teachers: generated files, stored outputs, the reading copy, the
teacher's kit and the data package. Learners' notebooks never import this package."""
