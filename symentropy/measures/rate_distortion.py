"""Rate-distortion functions in closed form (Cover & Thomas, 2nd ed., ch. 10).

=========================================  ================================================
source and distortion                      ``R(D)``
=========================================  ================================================
Bernoulli(p), Hamming                      ``h(p) - h(D)`` for ``D <= min(p, 1 - p)``, else 0
                                           (Theorem 10.3.1)
uniform on m letters, Hamming              ``log m - h(D) - D log(m - 1)`` for
                                           ``D <= 1 - 1/m``, else 0 (Problem 10.5)
any m letters, Hamming                     ``H(X) - h(D) - D log(m - 1)`` for
                                           ``D <= (m - 1) min p`` (Erokhin, 1958);
                                           certified digits above
any source, a distortion matrix            certified digits (Blahut-Arimoto and
                                           Blahut's dual bound, section 10.8)
Gaussian N(0, s^2), squared error          ``1/2 log(s^2 / D)`` for ``D <= s^2``, else 0
                                           (Theorem 10.3.2)
independent Gaussians, squared error       reverse water-filling (Theorem 10.3.3)
=========================================  ================================================

Symbolic ``p`` and ``D`` give a ``Piecewise`` whose conditions are the
validity conditions; numbers give the value.  :func:`distortion_max` is the
least ``D`` with ``R(D) = 0``: ``min over x_hat of E d(X, x_hat)``.

Where no closed form is known the result is a :class:`RateDistortionInterval`:
``lower <= R(D) <= upper`` proved in interval arithmetic, at most
``10**-digits`` wide, with the test channel of its upper end (see
:mod:`symentropy.measures.rate_distortion_numeric`).  It is exact at the ends
of the curve: ``R(D) = 0`` from ``D_max`` on, and at ``D_min = sum_x p(x)
min d(x, .)`` (where each letter has one nearest reproduction)
``R(D_min) = H(f(X))`` for the nearest-letter map ``f``; below ``D_min`` no
code reaches the distortion, and ``R(D)`` is ``oo``.

Examples
========

>>> from sympy import Rational, symbols
>>> from symentropy.measures.rate_distortion import rate_distortion
>>> rate_distortion(["1/2", "1/2"], Rational(1, 4))
-1 + 3*log(3)/(4*log(2))
>>> p, D = symbols("p D", positive=True)
>>> rate_distortion([p, 1 - p], D)
Piecewise((-binary_entropy(D) + binary_entropy(p), D <= Min(p, 1 - p)), (0, True))
>>> r = rate_distortion(["1/2", "1/3", "1/6"], "1/4", [[0, 1, 2], [1, 0, 1], [2, 1, 0]], digits=20)
>>> r
RateDistortionInterval(lower='0.508322122509156220885', upper='0.508322122509156220886', base=2)
>>> r.distortion <= r.D, r.test_channel.shape
(True, (3, 3))
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any

import sympy

from ..core.distribution import Distribution
from ..errors import DistributionError, UndecidedError, short_repr
from ..kernel.binary_entropy import binary_entropy
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import check_digits, compare
from ..models.channel import Channel
from ..models.codes import source_pmf
from ..models.continuous import ContinuousDistribution, Normal
from .certified import DEFAULT_DIGITS, MAX_DIGITS, CertifiedInterval, decimal_ends, nats_tolerance
from .gaussian import log_ratio, reverse_water_filling
from .rate_distortion_numeric import RateDistortionSolver
from .shannon import entropy

__all__ = [
    "rate_distortion", "rate_distortion_curve", "RateDistortionCurve", "distortion_max", "distortion_min",
    "RateDistortionInterval", "DISTORTIONS",
]

#: The named distortion measures.
DISTORTIONS = ("hamming", "squared")


def _matrix(distortion: Any, symbols: Sequence[Any]) -> list[list[sympy.Expr]]:
    m = len(symbols)
    if isinstance(distortion, str):
        if distortion != "hamming":
            raise DistributionError(
                f"distortion {distortion!r} for a discrete source: use 'hamming' or a matrix"
            )
        return [[sympy.Integer(0 if i == j else 1) for j in range(m)] for i in range(m)]
    if isinstance(distortion, (dict, set, frozenset)) or not isinstance(distortion, Iterable):
        raise TypeError(f"a distortion matrix is a list of rows; got {short_repr(distortion)}")
    rows = []
    for i, r in enumerate(distortion):
        if isinstance(r, (str, bytes, dict, set, frozenset)) or not isinstance(r, Iterable):
            raise TypeError(f"row {i} of the distortion matrix is not a list of numbers: {short_repr(r)}")
        rows.append(list(r))
    if len(rows) != m or len({len(r) for r in rows}) != 1 or not rows[0]:
        raise DistributionError(
            f"the distortion matrix {short_repr(distortion)} needs {m} rows "
            f"(one per source letter of {short_repr(symbols)}), all of the same nonzero length"
        )
    out = []
    for i, row in enumerate(rows):
        values = [as_exact(v, what=f"distortion d({i}, {j})") for j, v in enumerate(row)]
        for j, v in enumerate(values):
            if v.is_negative:
                raise DistributionError(f"distortion d({i}, {j}) is {v}; distortions are nonnegative")
        out.append(values)
    return out


def distortion_max(source: Any, distortion: Any = "hamming") -> sympy.Expr:
    """``D_max = min over x_hat of sum_x p(x) d(x, x_hat)``: the least distortion at rate 0.

    >>> from symentropy.measures.rate_distortion import distortion_max
    >>> distortion_max(["1/2", "1/3", "1/6"])
    1/2
    """
    if isinstance(source, ContinuousDistribution):
        return _gaussian_variance(source, distortion)
    if isinstance(distortion, str) and distortion in ("squared", "mse"):  # independent Gaussians
        if not isinstance(source, (list, tuple)):
            raise TypeError(f"independent Gaussian sources are a list of variances; got {short_repr(source)}")
        total = sympy.Add(*(as_exact(v, what=f"variance {k}") for k, v in enumerate(source)))
        # at D = the total every component is described by its mean (this also checks the variances)
        return reverse_water_filling(source, total).level
    symbols, ps = source_pmf(source)
    d = _matrix(distortion, symbols)
    width = len(d[0]) if d else 0
    return _least([sympy.Add(*(p * d[i][j] for i, p in enumerate(ps))) for j in range(width)])


def _least(values: list[sympy.Expr]) -> sympy.Expr:
    """The least of exact numbers, by the exact comparison."""
    return functools.reduce(lambda best, v: v if compare(v, best) < 0 else best, values)


def distortion_min(source: Any, distortion: Any = "hamming") -> sympy.Expr:
    """``D_min = sum_x p(x) min over x_hat of d(x, x_hat)``: the least distortion any code reaches.

    Below it ``R(D)`` is ``oo``; 0 for Hamming distortion and for Gaussian sources.

    >>> from symentropy.measures.rate_distortion import distortion_min
    >>> distortion_min(["1/2", "1/2"], [[1, 2], [3, "1/2"]])
    3/4
    """
    if isinstance(source, ContinuousDistribution):
        _gaussian_variance(source, distortion)  # checks the pair
        return sympy.Integer(0)
    if isinstance(distortion, str) and distortion in ("squared", "mse"):
        return sympy.Integer(0)
    symbols, ps = source_pmf(source)
    d = _matrix(distortion, symbols)
    return sympy.Add(*(p * _least(row) for p, row in zip(ps, d, strict=True)))


def _gaussian_variance(source: ContinuousDistribution, distortion: Any) -> sympy.Expr:
    if distortion not in ("squared", "mse"):
        raise DistributionError("a Gaussian source is measured with distortion='squared'")
    if not isinstance(source, Normal):
        raise DistributionError(f"closed forms are for Gaussian sources; got {source}")
    return source.args[1] ** 2


class RateDistortionInterval(CertifiedInterval):
    """A certified enclosure ``lower <= R(D) <= upper`` of a rate-distortion function.

    Explanation
    ===========

    Returned by :func:`rate_distortion` where no closed form is known.  The
    upper end is at least ``I(X; X_hat)`` for the rational
    :attr:`test_channel`, whose expected distortion :attr:`distortion` is at
    most ``D``; the lower end is Blahut's dual bound at the rational
    :attr:`slope`.  Both are evaluated in interval arithmetic, so the bracket
    is a proof; :meth:`evalf`, ``in`` and printing are those of
    :class:`~symentropy.measures.certified.CertifiedInterval`.

    Examples
    ========

    >>> from symentropy.measures.rate_distortion import rate_distortion
    >>> r = rate_distortion(["1/2", "1/3", "1/6"], "2/5", digits=12)
    >>> r
    RateDistortionInterval(lower='0.0962498199121', upper='0.0962498199122', base=2)
    >>> r.evalf(10), r.distortion <= r.D
    (0.09624981991, True)
    """

    quantity = "R(D)"

    __slots__ = ("_D", "_channel", "_distortion", "_slope")

    def __init__(self, lower: sympy.Rational, upper: sympy.Rational, *, base: sympy.Expr, digits: int,
                 places: int, D: sympy.Rational, test_channel: Channel, distortion: sympy.Rational,
                 slope: sympy.Expr):
        super().__init__(lower, upper, base=base, digits=digits, places=places)
        if not isinstance(test_channel, Channel):
            raise TypeError(f"test_channel must be a Channel, got {short_repr(test_channel)}")
        self._D = as_exact(D, what="D")
        self._channel = test_channel
        self._distortion = as_exact(distortion, what="the distortion")
        self._slope = as_exact(slope, what="the slope")

    @property
    def D(self) -> sympy.Rational:
        """The distortion ``D`` of ``R(D)``."""
        return self._D

    @property
    def test_channel(self) -> Channel:
        """A rational test channel ``p(x_hat | x)`` within the width of the optimum."""
        return self._channel

    @property
    def distortion(self) -> sympy.Rational:
        """The exact expected distortion of :attr:`test_channel` (at most ``D``)."""
        return self._distortion

    @property
    def slope(self) -> sympy.Expr:
        """The slope ``-beta`` of the curve at ``D`` (in the result's base per unit of distortion)."""
        return self._slope


def rate_distortion(
    source: Any, D: Any, distortion: str | Sequence[Sequence[Any]] = "hamming", base: Base = 2,
    *, digits: int = DEFAULT_DIGITS,
) -> sympy.Expr | RateDistortionInterval:
    """The rate-distortion function ``R(D)``: exact where a closed form exists, else certified digits.

    ``source`` is a one-variable distribution (or probabilities, or a mapping
    ``{letter: p}``), a ``normal(0, sigma)``, or a list of variances of
    independent Gaussian components (squared error, by reverse
    water-filling).  ``distortion`` is ``"hamming"``, ``"squared"`` (Gaussian
    sources) or a matrix ``d(x, x_hat)`` with a row per source letter and a
    column per reproduction letter.  The closed forms are listed in the
    module's table; otherwise a numeric source gets a
    :class:`RateDistortionInterval` at most ``10**-digits`` wide.

    Examples
    ========

    >>> from symentropy import normal
    >>> rate_distortion(normal(0, 2), 1, "squared")
    1
    >>> rate_distortion([1, 4, 9], 3, "squared")
    1 + log(3)/log(2)
    >>> rate_distortion(["1/2", "1/3", "1/6"], "1/5")  # Erokhin's closed form
    -log(5)/log(2) + log(3)/(2*log(2)) + 31/15
    >>> rate_distortion(["1/2", "1/2"], 0, [[0, 1, "1/2"], [1, 0, "1/2"]])
    1

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, sections 10.3 and 10.8.
    R. E. Blahut, "Computation of channel capacity and rate-distortion
    functions", IEEE Trans. Inform. Theory 18 (1972), Theorem 2.
    V. Erokhin, "epsilon-entropy of a discrete random variable", Theory
    Probab. Appl. 3 (1958).
    """
    b = as_base(base)
    digits = check_digits(digits, limit=MAX_DIGITS)
    d = as_exact(D, what="the distortion D")
    if d.is_negative:
        raise DistributionError(f"the distortion D is {d}; it must be nonnegative")
    if isinstance(source, ContinuousDistribution):
        variance = _gaussian_variance(source, distortion)
        return _gaussian(variance, d, b)
    if isinstance(distortion, str) and distortion in ("squared", "mse"):
        if isinstance(source, (list, tuple)):
            return reverse_water_filling(source, d, b).rate
        raise DistributionError(
            "squared error is for Gaussian sources: normal(0, sigma) or a list of variances"
        )
    symbols, ps = source_pmf(source)
    if isinstance(distortion, str) and distortion != "hamming":
        raise DistributionError(f"distortion {distortion!r}: a discrete source takes 'hamming' or a matrix")
    matrix = _matrix(distortion, symbols)
    m = len(ps)
    if len(matrix[0]) == m and all(matrix[i][j] == (i != j) for i in range(m) for j in range(m)):
        closed = _hamming(ps, d, b)  # the Hamming matrix, given by name or written out
        if closed is not None:
            return closed
    return _certified(symbols, ps, matrix, d, b, digits)


def _hamming(ps: list[sympy.Expr], d: sympy.Expr, b: sympy.Expr) -> sympy.Expr | None:
    """The closed forms of Hamming distortion; None where only certified digits are known."""
    m = len(ps)
    if m == 1:  # a constant source costs no bits
        return sympy.Integer(0)
    if m == 2:
        p = ps[0]
        d_max = sympy.Min(p, 1 - p)
        if _beyond(d, d_max):
            return sympy.Integer(0)
        return _piecewise(binary_entropy(p, b) - binary_entropy(d, b), d, d_max)
    if len(set(ps)) == 1:  # uniform
        d_max = 1 - sympy.Rational(1, m)
        if _beyond(d, d_max):
            return sympy.Integer(0)
        value = (
            LogSum.log_of(sympy.Integer(m)).to_expr(b)
            - binary_entropy(d, b)
            - d * sympy.log(m - 1) / sympy.log(b)
        )
        return _piecewise(value, d, d_max)
    # Erokhin: H(X) - h(D) - D log(m - 1) while D <= (m - 1) min p
    source_entropy = entropy(Distribution.from_pmf(ps), base=b)
    value = source_entropy - binary_entropy(d, b) - d * sympy.log(m - 1) / sympy.log(b)
    edge, d_max = (m - 1) * sympy.Min(*ps), 1 - sympy.Max(*ps)
    if d.is_number and all(p.is_number for p in ps):
        if compare(d, d_max) >= 0:
            return sympy.Integer(0)
        return sympy.expand(value.doit()) if compare(d, edge) <= 0 else None
    return sympy.Piecewise((value, d <= edge), (0, d >= d_max))


def _fraction(value: sympy.Expr, what: str) -> Fraction:
    if value.free_symbols:
        names = ", ".join(sorted(str(s) for s in value.free_symbols))
        raise UndecidedError(
            f"{what} is {value}, with the symbols {names}: R(D) of a general source is certified "
            "numerically; substitute numbers for the symbols"
        )
    if not value.is_Rational:
        raise DistributionError(
            f"{what} is {value}: the certified R(D) takes rational probabilities and distortions"
        )
    return Fraction(int(value.p), int(value.q))


def _certified(symbols: list[Any], ps: list[sympy.Expr], matrix: list[list[sympy.Expr]],
               d: sympy.Expr, b: sympy.Expr, digits: int) -> sympy.Expr | RateDistortionInterval:
    p = [_fraction(v, f"p({symbols[i]!r})") for i, v in enumerate(ps)]
    rows = [[_fraction(v, f"distortion d({i}, {j})") for j, v in enumerate(row)]
            for i, row in enumerate(matrix)]
    target = _fraction(d, "the distortion D")
    k = len(rows[0])
    d_max = min(sum(pi * row[j] for pi, row in zip(p, rows, strict=True)) for j in range(k))
    if target >= d_max:
        return sympy.Integer(0)
    used = [i for i, pi in enumerate(p) if pi]
    nearest = [[j for j in range(k) if rows[i][j] == min(rows[i])] for i in range(len(p))]
    d_min = sum(p[i] * rows[i][nearest[i][0]] for i in used)
    if target < d_min:
        return sympy.oo  # no code reaches D: the minimum over an empty set
    outputs = symbols if k == len(p) else list(range(k))
    if target == d_min:  # each letter to its nearest reproduction, if that is one letter
        ties = [symbols[i] for i in used if len(nearest[i]) > 1]
        if ties:
            raise UndecidedError(
                f"at D = D_min = {d} the letters {short_repr(ties)} have several nearest reproductions; "
                "R(D_min) is not computed then: ask for a D above it"
            )
        image: dict[int, sympy.Rational] = {}
        for i in used:
            image[nearest[i][0]] = image.get(nearest[i][0], sympy.Integer(0)) + ps[i]
        return entropy(Distribution.from_pmf(list(image.values())), base=b)
    tolerance = nats_tolerance(b, digits)
    bound = RateDistortionSolver([p[i] for i in used], [rows[i] for i in used], target, tolerance).solve()
    low, high, places = decimal_ends(bound.lower, bound.upper, b, digits)
    found = iter(bound.channel)
    channel = [
        next(found) if p[i] else [Fraction(int(j == nearest[i][0])) for j in range(k)] for i in range(len(p))
    ]
    test_channel = Channel(
        [[sympy.Rational(v.numerator, v.denominator) for v in row] for row in channel],
        inputs=symbols, outputs=outputs,
    )
    slope = -sympy.Rational(bound.slope.numerator, bound.slope.denominator) / sympy.log(b)
    return RateDistortionInterval(
        low, high, base=b, digits=digits, places=places, D=d, test_channel=test_channel,
        distortion=sympy.Rational(bound.distortion.numerator, bound.distortion.denominator), slope=slope,
    )


def _beyond(d: sympy.Expr, d_max: sympy.Expr) -> bool:
    """``D > D_max``, decided exactly when both are numbers (else False: the Piecewise decides)."""
    return bool(d.is_number and d_max.is_number and compare(d, d_max) > 0)


def _piecewise(value: sympy.Expr, d: sympy.Expr, d_max: sympy.Expr) -> sympy.Expr:
    if d.is_number and d_max.is_number:
        return sympy.expand(value.doit()) if compare(d, d_max) <= 0 else sympy.Integer(0)
    return sympy.Piecewise((value, d <= d_max), (0, True))


def _gaussian(variance: sympy.Expr, d: sympy.Expr, base: sympy.Expr) -> sympy.Expr:
    if d.is_number and variance.is_number:
        if compare(d, 0) == 0:
            return sympy.oo
        if compare(d, variance) >= 0:
            return sympy.Integer(0)
        return log_ratio(variance, d, base) / 2
    return sympy.Piecewise((sympy.log(variance / d) / (2 * sympy.log(base)), d <= variance), (0, True))


class RateDistortionCurve:
    """Points ``(D, R(D))`` of a rate-distortion curve, exact or certified, ready to plot.

    ``distortions`` are exact rationals; each of ``rates`` is an exact value
    (a closed form, ``0`` from ``D_max`` on) or a
    :class:`RateDistortionInterval`.  :meth:`floats` gives both as floats
    for a plotting library; :func:`symentropy.display.plotting.plot_rate_distortion`
    draws the curve.

    >>> from symentropy.measures.rate_distortion import rate_distortion_curve
    >>> curve = rate_distortion_curve(["1/2", "1/2"], points=3)
    >>> curve.distortions, curve.rates
    ((0, 1/4, 1/2), (1, -1 + 3*log(3)/(4*log(2)), 0))
    >>> [round(r, 4) for r in curve.floats()[1]]
    [1.0, 0.1887, 0.0]
    """

    __slots__ = ("_distortions", "_rates", "_base", "_distortion")

    def __init__(self, distortions: Sequence[sympy.Expr], rates: Sequence[Any], *, base: Any = 2,
                 distortion: Any = "hamming"):
        if len(distortions) != len(rates):
            raise ValueError(f"{len(distortions)} distortions for {len(rates)} rates")
        self._distortions = tuple(distortions)
        self._rates = tuple(rates)
        self._base = as_base(base)
        self._distortion = distortion

    @property
    def distortions(self) -> tuple[sympy.Expr, ...]:
        """The distortions ``D``, increasing."""
        return self._distortions

    @property
    def rates(self) -> tuple[Any, ...]:
        """``R(D)`` at each distortion: exact, or a :class:`RateDistortionInterval`."""
        return self._rates

    @property
    def base(self) -> sympy.Expr:
        """The base of the logarithms of the rates."""
        return self._base

    @property
    def label(self) -> str:
        """``"Hamming"``, ``"squared error"`` or ``"distortion matrix"``: for a plot's axis."""
        if isinstance(self._distortion, str):
            return "squared error" if self._distortion in ("squared", "mse") else "Hamming"
        return "distortion matrix"

    def floats(self) -> tuple[list[float], list[float]]:
        """``(D values, R values)`` as floats; an interval gives its midpoint (within ``10**-digits``)."""
        xs = [float(d) for d in self._distortions]
        ys = [float(r) if isinstance(r, RateDistortionInterval) else float(sympy.N(r)) for r in self._rates]
        return xs, ys

    def __len__(self) -> int:
        return len(self._distortions)

    def __iter__(self) -> Iterator[tuple[sympy.Expr, Any]]:
        return iter(zip(self._distortions, self._rates, strict=True))

    def __repr__(self) -> str:
        first, last = self._distortions[0], self._distortions[-1]
        return f"RateDistortionCurve({len(self)} points, D in [{first}, {last}])"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        rows = [rf"{sympy.latex(d)} & {printer.doprint(r)}" for d, r in self]
        body = r" \\ ".join(rows)
        return rf"\begin{{array}}{{r|l}} D & R(D) \\ \hline {body} \end{{array}}"

    def _repr_latex_(self) -> str:
        return f"$\\displaystyle {sympy.latex(self)}$"


def rate_distortion_curve(
    source: Any, distortion: str | Sequence[Sequence[Any]] = "hamming", *, points: int = 21,
    base: Base = 2, digits: int = 6,
) -> RateDistortionCurve:
    """``R(D)`` at ``points`` equally spaced distortions from ``D_min`` to ``D_max``.

    Each point is :func:`rate_distortion` at an exact rational ``D``: a
    closed form where one exists, else a :class:`RateDistortionInterval` of
    ``digits`` places (a few suffice for a picture).  For a Gaussian source,
    where ``R(0)`` is infinite, the grid starts at ``D_max/points``.

    >>> from symentropy import normal
    >>> from symentropy.measures.rate_distortion import rate_distortion_curve
    >>> rate_distortion_curve(normal(0, 1), "squared", points=3).rates
    (log(3)/(2*log(2)), -1/2 + log(3)/(2*log(2)), 0)
    """
    if isinstance(points, bool) or not isinstance(points, int):
        raise TypeError(f"points is an integer, got {short_repr(points)}")
    if points < 2:
        raise ValueError(f"points is at least 2, got {points}")
    top = distortion_max(source, distortion)
    if isinstance(source, ContinuousDistribution) or distortion in ("squared", "mse"):
        grid = [top * sympy.Rational(k, points) for k in range(1, points + 1)]
    else:
        bottom = distortion_min(source, distortion)
        grid = [bottom + (top - bottom) * sympy.Rational(k, points - 1) for k in range(points)]
    rates = [rate_distortion(source, D, distortion, base, digits=digits) for D in grid]
    return RateDistortionCurve(grid, rates, base=base, distortion=distortion)
