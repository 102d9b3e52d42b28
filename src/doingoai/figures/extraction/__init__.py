"""Figures from Vietnamese foreign-affairs prose (pure Python, no Django).

>>> from doingoai.figures.extraction import extract
>>> [f.indicator for f in extract("Năm 2022, tỉnh đã ký mới được 12 thỏa thuận.")]
['agreements.signed']
"""

from .extract import Figure, extract

__all__ = ["Figure", "extract"]
