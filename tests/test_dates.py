import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from endorsegraph.graph.dates import Span, parse_day


def test_parse_day_names_field_and_problem():
    assert parse_day("2021-04-30") == dt.date(2021, 4, 30)
    assert parse_day("  ") is None
    with pytest.raises(ValueError, match=r"^date '2021-02-30' is not a real day$"):
        parse_day("2021-02-30")
    with pytest.raises(ValueError, match=r"not_after '30/04/2021' is not a date in the form"):
        parse_day("30/04/2021", "not_after")


def test_span_text_and_exactness():
    assert str(Span.of(dt.date(2021, 4, 30))) == "2021-04-30"
    bounded = Span(dt.date(2021, 4, 28), dt.date(2021, 4, 30))
    assert bounded.exact is None and str(bounded) == "2021-04-28..2021-04-30"
    assert str(Span(None, dt.date(2021, 4, 30))) == "by 2021-04-30"
    assert str(Span()) == "unknown" and not Span().known
    with pytest.raises(ValueError):
        Span(dt.date(2021, 5, 1), dt.date(2021, 4, 1))


def test_sort_key_puts_exact_before_bounded_on_same_day_and_unknown_last():
    exact = Span.of(dt.date(2021, 4, 30))
    bounded = Span(dt.date(2021, 4, 28), dt.date(2021, 4, 30))
    later = Span.of(dt.date(2021, 5, 1))
    assert sorted([Span(), later, bounded, exact], key=Span.sort_key) == [
        exact,
        bounded,
        later,
        Span(),
    ]


days = st.dates(dt.date(2020, 1, 1), dt.date(2022, 12, 31))


@st.composite
def spans(draw):
    a, b = draw(st.one_of(st.none(), days)), draw(st.one_of(st.none(), days))
    if a and b and a > b:
        a, b = b, a
    return Span(a, b)


@given(spans(), spans(), days)
def test_compatible_iff_some_day_fits_both(x, y, d):
    if x.compatible(y):
        both = x.intersect(y)
        assert both.earliest is None or both.latest is None or both.earliest <= both.latest
    inside = lambda s: (s.earliest is None or s.earliest <= d) and (s.latest is None or d <= s.latest)  # noqa: E731
    if inside(x) and inside(y):
        assert x.compatible(y) and y.compatible(x)


@given(spans(), spans())
def test_certainly_before_excludes_compatibility(x, y):
    if x.certainly_before(y):
        assert not x.compatible(y)
        assert not y.certainly_before(x)
