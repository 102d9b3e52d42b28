"""Demo data for ``doingoai demo``: Hà Giang and Bắc Kạn as the seed articles describe them
(figures/data/seeds/), demo users, an illustrative exchange-rate table and one illustrative
year (2023) of records for Hà Giang.

A plain package, not a Django app: the data modules hold the facts (partners, friendship,
agreements, aid, rates, figures, year2023, logins) and ``load.load_demo`` writes them.
Whatever the seeds do not say (dates, amounts, names of communes' counterparts) is marked
as illustrative ("minh họa") on the record itself.
"""
