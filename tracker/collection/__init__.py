"""进度收集: a round of workbooks out to the units (or towns), the filled files back in.

``rounds`` (a round stored: as-of, deadline, by unit or town, its token), ``columns`` (the
one list of the workbook's columns, shared by writing and reading), ``send`` (one
protected ``.xlsx`` per unit), ``receive`` (a returned file → a plan: old → new per
project, new problems, new projects, flags), ``apply`` (the plan as one undoable batch),
``status`` (who returned, who has not: the 催报 list).
"""
