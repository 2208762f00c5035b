"""``wirewatch eval``: accuracy on the development sets in ../shared/eval.

The data is read in place and never copied into the project (its licences do
not allow shipping it).
"""
