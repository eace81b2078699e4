"""Date phrases in article text, resolved against the publication date."""

import datetime as dt

import pytest

from endorsegraph.loaders.datetext import find_dates

FRIDAY = dt.date(2021, 4, 30)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("late on Friday afternoon", "2021-04-30"),  # the publication weekday is the publication day
        ("On Thursday, Wiley said", "2021-04-29"),
        ("in a Saturday statement", "2021-04-24"),
        ("last Friday", "2021-04-23"),
        ("on April 28, 2021", "2021-04-28"),
        ("Dec. 17", "2020-12-17"),  # no year: the one that puts it before publication
        ("3rd of May 2020", "2020-05-03"),
        ("2021-04-28", "2021-04-28"),
        ("yesterday", "2021-04-29"),
        ("earlier this week", "2021-04-26..2021-04-30"),
        ("last week", "2021-04-19..2021-04-25"),
        ("recently", "by 2021-04-30"),
        ("in recent weeks", "by 2021-04-30"),
        ("in 2019", "2019-01-01..2019-12-31"),
    ],
)
def test_phrases(text, expected):
    (found,) = find_dates(text, FRIDAY)
    assert str(found.span) == expected
    assert found.text.lower() in text.lower()


def test_the_day_prior_counts_from_a_date_already_set():
    first, second = find_dates("On Sept. 14 it endorsed her; the day prior he was accused.", FRIDAY)
    assert str(first.span) == "2020-09-14" and str(second.span) == "2020-09-13"
    (alone,) = find_dates("The day prior, he was accused.", FRIDAY)
    assert alone.span is None  # nothing to count from
    (chained,) = find_dates("The day prior, he was accused.", FRIDAY, anchor=dt.date(2021, 4, 20))
    assert str(chained.span) == "2021-04-19"


def test_without_publication_only_full_dates_resolve():
    weekday, full, vague = find_dates("on Monday, on March 3, 2024, and recently", None)
    assert weekday.span is None and vague.span is None
    assert str(full.span) == "2024-03-03"


def test_impossible_dates_are_ignored():
    (found,) = find_dates("February 30, 2021", FRIDAY)
    assert found.span is None
