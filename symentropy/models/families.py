"""Parametric discrete families: Bernoulli, binomial, geometric, Poisson, ...

=====================================  ==========================  =========================================
function                               support                     entropy (bits)
=====================================  ==========================  =========================================
:func:`bernoulli` ``(p)``              ``{0, 1}``                  ``h(p)``, as a sum of logarithms
:func:`binomial` ``(n, p)``            ``{0, ..., n}``             a table for integer ``n``; else
                                                                   ``n h(p) - sum_k P(k) log2 C(n, k)``
:func:`categorical` ``(p1, ..., pk)``  ``{1, ..., k}``             ``-sum_i p_i log2 p_i``
:func:`discrete_uniform` ``(n)``       ``{1, ..., n}``             ``log2(n)``
:func:`geometric` ``(p)``              ``{1, 2, ...}``             ``h(p)/p``
:func:`poisson` ``(lam)``              ``{0, 1, ...}``             ``(lam (1 - log lam) + e^-lam sum_k
                                                                   lam^k log(k!)/k!) / log 2``
:func:`negative_binomial` ``(r, p)``   ``{0, 1, ...}``             ``r h(p)/p - sum_k P(k) log2 C(k+r-1, k)``
=====================================  ==========================  =========================================

``h`` is :class:`~symentropy.kernel.binary_entropy.binary_entropy`.  A family with
a finite support of known size returns a :class:`~symentropy.Distribution`,
so every measure applies to it.  A family whose support is infinite (or of
symbolic size) returns a :class:`FormulaDistribution`: a pmf formula over a
range of integers, with its entropy in closed form where one exists and
otherwise an exact ``Sum``; :func:`symentropy.entropy` accepts it, and
:meth:`FormulaDistribution.evaluate` gives the entropy to any number of digits
with a proved bound on the truncation error (the series and their bounds are
those of :mod:`symentropy.models.series`).

Parameters are exact: numbers (``int``, ``Fraction``, ``"1/3"``, sympy
``Rational``) or symbols.  A parameter given as a bare name (``"p"``) becomes a
symbol that carries the assumptions its domain allows (``p`` of a geometric
distribution is ``positive``, ``n`` of a binomial a nonnegative ``integer``),
so sympy can use them when simplifying.  A value outside the domain raises
:class:`~symentropy.errors.DistributionError`; a condition that depends on
symbols (is ``p <= 1``?) is recorded in ``conditions``, as for a
``Distribution``.

Examples
========

>>> from sympy import Rational, Symbol
>>> from symentropy import entropy
>>> from symentropy.models.families import bernoulli, geometric, poisson
>>> entropy(bernoulli(Rational(1, 4)))
-3*log(3)/(4*log(2)) + 2
>>> p = Symbol("p", positive=True)
>>> entropy(geometric(p))
binary_entropy(p)/p
>>> entropy(geometric(Rational(1, 2)))
2
>>> poisson(3).evaluate(30)
2.78652247649376391262539266068
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import sympy

from ..core.distribution import Distribution, uniform
from ..core.names import as_group, check_names, unknown_variable
from ..core.validate import check_total, require_decided
from ..errors import DistributionError, UndecidedError
from ..kernel.binary_entropy import binary_entropy
from ..kernel.canonical import canonical_number, is_log_number
from ..kernel.exact import as_exact, as_parameter, safe_sympify, substitutions
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import check_digits, evaluate, known_sign, working_context
from ..kernel.simplify import tidy
from .series import EntropySeries, InfiniteSum

__all__ = [
    "bernoulli",
    "binomial",
    "categorical",
    "discrete_uniform",
    "geometric",
    "poisson",
    "negative_binomial",
    "FormulaDistribution",
]

#: Stands for the logarithm base in stored entropy formulas; replaced by the
#: base asked for in :meth:`FormulaDistribution.entropy`.
_BASE = sympy.Dummy("base", positive=True)

#: Finite supports up to this size have every probability checked to be nonnegative.
_CHECKED_CELLS = 10_000

#: Digits of the bounds of :meth:`FormulaDistribution.tail_bound` (with 15 guard digits, 40 in all).
_TAIL_DIGITS = 25

# Assumptions of symbols created for parameters given by name.
_PROBABILITY = {"nonnegative": True}
_POSITIVE_PROBABILITY = {"positive": True}
_POSITIVE = {"positive": True}
_COUNT = {"integer": True, "nonnegative": True}
_POSITIVE_COUNT = {"integer": True, "positive": True}

# A domain check: (position of the parameter, relation, left side, right side, the rule in words),
# with the relation one of sympy.Gt, sympy.Ge, sympy.Le, sympy.Contains.
_Check = tuple[int, type, sympy.Expr, sympy.Basic, str]

# Whether a relation holds, from the sign of ``lhs - rhs``.
_HOLDS = {sympy.Gt: lambda s: s > 0, sympy.Ge: lambda s: s >= 0, sympy.Le: lambda s: s <= 0}


# --- parameters -------------------------------------------------------------------------------


def _parameters(values: Sequence[Any], assumptions: Sequence[dict], what: str) -> list[sympy.Expr]:
    """Convert family parameters to exact sympy values.

    A bare name becomes a Symbol with the given assumptions; other strings
    are parsed with those symbols in scope, so ``categorical("p", "1-p")``
    uses one ``p``.
    """
    namespace: dict[str, sympy.Symbol] = {}
    for value, assumed in zip(values, assumptions, strict=True):
        if isinstance(value, str) and value.strip().isidentifier():
            namespace.setdefault(value.strip(), as_parameter(value, **assumed))
    out = []
    for i, value in enumerate(values):
        if isinstance(value, str) and value.strip() in namespace:
            out.append(namespace[value.strip()])
        else:
            out.append(as_exact(value, symbols=namespace, what=f"parameter {i + 1} of {what}"))
    return out


def _decide(
    family: str, labels: Sequence[str], arguments: Sequence[sympy.Expr], checks: Iterable[_Check]
) -> tuple:
    """Raise for a provably invalid parameter; return the undecided conditions."""
    undecided: list[sympy.Basic] = []
    for position, relation, lhs, rhs, rule in checks:
        condition = _condition(relation, lhs, rhs)
        if condition is sympy.false or condition == sympy.false:
            raise DistributionError(
                f"{family}({', '.join(labels)}) needs {rule}, got {labels[position]} = {arguments[position]}"
            )
        if condition is not sympy.true and condition != sympy.true:
            undecided.append(condition)
    return tuple(dict.fromkeys(undecided))


def _condition(relation: type, lhs: sympy.Expr, rhs: sympy.Basic) -> sympy.Basic:
    """``relation(lhs, rhs)``: true or false where it is decided, else the condition itself.

    A comparison of numbers is decided exactly (the sign of ``lhs - rhs`` by
    :func:`~symentropy.kernel.numeric.known_sign`); one that even that cannot
    decide is kept unevaluated.  Comparisons with symbols, and membership in
    the integers, are left to sympy and its assumptions.
    """
    if relation is sympy.Contains:
        return relation(lhs, rhs)
    difference = lhs - rhs
    if not difference.is_number:
        return relation(lhs, rhs)
    if difference.has(sympy.nan, sympy.zoo) or difference.is_extended_real is False:
        return sympy.false
    if difference.is_infinite:
        sign = 1 if difference.is_extended_positive else -1
    else:
        sign = known_sign(difference)
    if sign is None:
        return relation(lhs, rhs, evaluate=False)
    return sympy.true if _HOLDS[relation](sign) else sympy.false


def _probability_checks(p: sympy.Expr, position: int, *, open_at_zero: bool = False) -> list[_Check]:
    rule = "0 < {0} <= 1" if open_at_zero else "0 <= {0} <= 1"
    low = sympy.Gt if open_at_zero else sympy.Ge
    return [(position, low, p, sympy.Integer(0), rule), (position, sympy.Le, p, sympy.Integer(1), rule)]


def _named_checks(labels: Sequence[str], checks: Iterable[_Check]) -> list[_Check]:
    return [(i, relation, lhs, rhs, rule.format(labels[i])) for i, relation, lhs, rhs, rule in checks]


def _index_symbol(avoid: Iterable[sympy.Basic], lower: sympy.Expr | None = None) -> sympy.Symbol:
    """An integer summation index whose name no parameter uses.

    It is ``positive`` or ``nonnegative`` when the support starts at 1 or 0,
    so that sympy simplifies ``log(1/k)`` and the like.
    """
    taken = {s.name for e in avoid for s in safe_sympify(e).free_symbols if hasattr(s, "name")}
    assumptions: dict[str, bool] = {"integer": True}
    lower = sympy.Integer(0) if lower is None else lower
    if lower.is_Integer and lower >= 1:
        assumptions["positive"] = True
    elif lower.is_Integer and lower >= 0:
        assumptions["nonnegative"] = True
    candidates = ["k", "j", "i", "m", "l"] + [f"k{n}" for n in range(1, len(taken) + 2)]
    name = next(c for c in candidates if c not in taken)
    return sympy.Symbol(name, **assumptions)


# --- finite families ------------------------------------------------------------------------------


def bernoulli(p: Any, *, name: str = "X") -> Distribution:
    """The Bernoulli distribution: ``P(X = 1) = p``, ``P(X = 0) = 1 - p``.

    Explanation
    ===========

    Its entropy is the binary entropy function ``h(p)`` (Cover & Thomas,
    2nd ed., Example 2.1.1); :func:`symentropy.entropy` returns it as a sum
    of logarithms, equal to ``binary_entropy(p).rewrite(log)``.

    Examples
    ========

    >>> from sympy import Rational
    >>> from symentropy import entropy
    >>> from symentropy.models.families import bernoulli
    >>> d = bernoulli("p")
    >>> d
    Distribution.from_dict({0: '1 - p', 1: 'p'}, name='X')
    >>> d.conditions
    (p <= 1,)
    >>> entropy(d)
    -xlogx(p)/log(2) - xlogx(1 - p)/log(2)
    >>> entropy(bernoulli(Rational(1, 2), name="C"))
    1
    >>> bernoulli(Rational(3, 2))
    Traceback (most recent call last):
    ...
    symentropy.errors.DistributionError: bernoulli(p) needs 0 <= p <= 1, got p = 3/2

    Parameters
    ==========

    p : probability of the outcome 1; a bare name such as ``"p"`` becomes a
        nonnegative symbol.
    name : str
        The variable's name.

    See Also
    ========

    binomial, symentropy.kernel.binary_entropy.binary_entropy

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, Example 2.1.1.
    """
    names = check_names((name,))
    (p,) = _parameters([p], [_PROBABILITY], "bernoulli(p)")
    conditions = _decide("bernoulli", ["p"], [p], _named_checks(["p"], _probability_checks(p, 0)))
    return Distribution.from_validated(names, [(0,), (1,)], [1 - p, p], conditions)


def binomial(n: Any, p: Any, *, name: str = "X") -> Distribution | FormulaDistribution:
    """The binomial distribution: the number of successes in ``n`` trials of bias ``p``.

    Explanation
    ===========

    ``P(X = k) = C(n, k) p^k (1 - p)^(n - k)`` for ``k = 0, ..., n``.  For an
    integer ``n`` the result is a :class:`~symentropy.Distribution` (a table
    in ``p``).  For a symbolic ``n`` it is a :class:`FormulaDistribution`
    whose entropy is ``n h(p) - sum_k P(k) log C(n, k)``, from
    ``log P(k) = log C(n, k) + k log p + (n - k) log(1 - p)`` and
    ``E[X] = n p``; the ``Sum`` evaluates once ``n`` is a number.

    Examples
    ========

    >>> from sympy import Rational, Symbol
    >>> from symentropy import entropy
    >>> from symentropy.models.families import binomial
    >>> entropy(binomial(3, Rational(1, 2)))
    -3*log(3)/(4*log(2)) + 3
    >>> h = entropy(binomial("n", "p"))
    >>> h
    n*binary_entropy(p) - Sum(p**k*(1 - p)**(-k + n)*log(binomial(n, k))*binomial(n, k), (k, 0, n))/log(2)
    >>> h.subs(Symbol("n", integer=True, nonnegative=True), 1).doit()
    binary_entropy(p)

    Parameters
    ==========

    n : number of trials; a bare name becomes a nonnegative integer symbol.
    p : probability of success; a bare name becomes a nonnegative symbol.
    name : str

    See Also
    ========

    bernoulli, negative_binomial

    References
    ==========

    D. J. C. MacKay, *Information Theory, Inference, and Learning
    Algorithms*, Cambridge University Press, 2003, Example 1.1 (the
    binomial distribution of the number of heads of a bent coin).
    """
    names = check_names((name,))
    n, p = _parameters([n, p], [_COUNT, _PROBABILITY], "binomial(n, p)")
    labels = ["n", "p"]
    checks = _named_checks(
        labels,
        [(0, sympy.Contains, n, sympy.S.Naturals0, "n a nonnegative integer")] + _probability_checks(p, 1),
    )
    conditions = _decide("binomial", labels, [n, p], checks)
    if n.is_Integer:
        count = int(n)
        probs = [sympy.Integer(math.comb(count, k)) * p**k * (1 - p) ** (count - k) for k in range(count + 1)]
        return Distribution.from_validated(names, [(k,) for k in range(count + 1)], probs, conditions)
    k = _index_symbol([n, p])
    pmf = sympy.binomial(n, k) * p**k * (1 - p) ** (n - k)
    template = n * binary_entropy(p, _BASE) - sympy.Sum(
        pmf * sympy.log(sympy.binomial(n, k)), (k, 0, n)
    ) / sympy.log(_BASE)
    return FormulaDistribution._trusted(
        names[0], k, pmf, sympy.Integer(0), n, template, ("binomial", labels, (n, p), checks), conditions
    )


def categorical(
    *probabilities: Any, name: str = "X", outcomes: Iterable[Hashable] | None = None
) -> Distribution:
    """The categorical distribution ``P(X = i) = p_i`` on ``1, ..., k``.

    Explanation
    ===========

    A thin, validating front end to :meth:`Distribution.from_pmf` with
    outcomes numbered from 1.  Bare names become nonnegative symbols, and
    other strings may use them: ``categorical("p", "q", "1 - p - q")``.

    Examples
    ========

    >>> from symentropy import entropy
    >>> from symentropy.models.families import categorical
    >>> entropy(categorical("1/2", "1/4", "1/8", "1/8"))
    7/4
    >>> categorical("p", "1 - p", outcomes="ab")
    Distribution.from_dict({'a': 'p', 'b': '1 - p'}, name='X')

    Parameters
    ==========

    probabilities : the probabilities ``p_1, ..., p_k``.
    name : str
    outcomes : iterable, optional
        Labels for the outcomes; ``1, ..., k`` by default.

    See Also
    ========

    discrete_uniform, symentropy.core.distribution.Distribution.from_pmf
    """
    if not probabilities:
        raise DistributionError("categorical() needs at least one probability")
    if len(probabilities) == 1 and isinstance(probabilities[0], (list, tuple)):
        raise TypeError(
            "categorical() takes the probabilities as separate arguments, got one "
            f"{type(probabilities[0]).__name__}: write categorical(*probabilities), "
            "or Distribution.from_pmf(probabilities)"
        )
    values = _parameters(list(probabilities), [_PROBABILITY] * len(probabilities), "categorical()")
    labels = list(range(1, len(values) + 1)) if outcomes is None else list(outcomes)
    return Distribution.from_pmf(values, name=name, outcomes=labels)


def discrete_uniform(n: Any, *, name: str = "X") -> Distribution | FormulaDistribution:
    """The uniform distribution on ``{1, ..., n}``; its entropy is ``log2(n)``.

    Explanation
    ===========

    For an integer ``n`` the result is a :class:`~symentropy.Distribution`;
    for a symbolic ``n`` a :class:`FormulaDistribution` whose entropy is
    ``log(n)/log(2)`` (Cover & Thomas, 2nd ed., Theorem 2.6.4: the uniform
    distribution has the largest entropy on ``n`` outcomes).

    Examples
    ========

    >>> from symentropy import entropy
    >>> from symentropy.models.families import discrete_uniform
    >>> entropy(discrete_uniform(8))
    3
    >>> entropy(discrete_uniform("n"))
    log(n)/log(2)

    Parameters
    ==========

    n : the number of outcomes; a bare name becomes a positive integer symbol.
    name : str

    See Also
    ========

    symentropy.core.distribution.uniform, categorical
    """
    names = check_names((name,))
    (n,) = _parameters([n], [_POSITIVE_COUNT], "discrete_uniform(n)")
    checks: list[_Check] = [(0, sympy.Contains, n, sympy.S.Naturals, "n a positive integer")]
    conditions = _decide("discrete_uniform", ["n"], [n], checks)
    if n.is_Integer:
        return uniform(range(1, int(n) + 1), name=names[0])
    k = _index_symbol([n], sympy.Integer(1))
    return FormulaDistribution._trusted(
        names[0], k, 1 / n, sympy.Integer(1), n, sympy.log(n) / sympy.log(_BASE),
        ("discrete_uniform", ["n"], (n,), checks), conditions,
    )  # fmt: skip


# --- infinite families ----------------------------------------------------------------------------


def geometric(p: Any, *, name: str = "X") -> FormulaDistribution:
    """The geometric distribution: the number of trials up to the first success.

    Explanation
    ===========

    ``P(X = k) = p (1 - p)^(k - 1)`` for ``k = 1, 2, ...`` and ``0 < p <= 1``.
    Its entropy is ``h(p)/p`` bits (Cover & Thomas, 2nd ed., Problem 2.1;
    MacKay, Exercise 2.29): ``-sum P(k) log P(k) = -log p - E[X - 1] log(1 - p)``
    with ``E[X - 1] = (1 - p)/p``.

    Examples
    ========

    >>> from sympy import E, Rational, Symbol, limit
    >>> from symentropy import entropy
    >>> from symentropy.models.families import geometric
    >>> p = Symbol("p", positive=True)
    >>> geometric(p).pmf(3)
    p*(1 - p)**2
    >>> entropy(geometric(p), base=E)
    binary_entropy(p, E)/p
    >>> entropy(geometric(Rational(1, 4)))
    -3*log(3)/log(2) + 8
    >>> limit(entropy(geometric(p)), p, 1)
    0

    Parameters
    ==========

    p : probability of success, ``0 < p <= 1``; a bare name becomes a positive symbol.
    name : str

    See Also
    ========

    negative_binomial, symentropy.kernel.binary_entropy.binary_entropy

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, Problem 2.1.

    D. J. C. MacKay, *Information Theory, Inference, and Learning
    Algorithms*, Cambridge University Press, 2003, Exercise 2.29.
    """
    names = check_names((name,))
    (p,) = _parameters([p], [_POSITIVE_PROBABILITY], "geometric(p)")
    checks = _named_checks(["p"], _probability_checks(p, 0, open_at_zero=True))
    conditions = _decide("geometric", ["p"], [p], checks)
    k = _index_symbol([p], sympy.Integer(1))
    pmf = p * (1 - p) ** (k - 1)
    template = binary_entropy(p, _BASE) / p
    return FormulaDistribution._trusted(
        names[0], k, pmf, sympy.Integer(1), sympy.oo, template, ("geometric", ["p"], (p,), checks), conditions
    )


def poisson(lam: Any, *, name: str = "X") -> FormulaDistribution:
    """The Poisson distribution ``P(X = k) = e^(-lam) lam^k / k!``, ``k = 0, 1, ...``.

    Explanation
    ===========

    Its entropy has no closed form; it is returned as
    ``(lam (1 - log lam) + e^(-lam) sum_{k >= 2} lam^k log(k!)/k!) / log(base)``,
    from ``-log P(k) = lam - k log lam + log k!`` and ``E[X] = lam``.  The
    ``Sum`` is exact; :meth:`FormulaDistribution.evaluate` gives the value to
    any number of digits.

    Examples
    ========

    >>> from sympy import E
    >>> from symentropy import entropy
    >>> from symentropy.models.families import poisson
    >>> entropy(poisson("lam"), base=E)
    lam*(1 - log(lam)) + exp(-lam)*Sum(lam**k*log(factorial(k))/factorial(k), (k, 2, oo))
    >>> poisson(1).evaluate(20, base=E)
    1.3048422422562514843

    Parameters
    ==========

    lam : the mean, ``lam > 0``; a bare name becomes a positive symbol.
    name : str

    See Also
    ========

    FormulaDistribution.evaluate
    """
    names = check_names((name,))
    (lam,) = _parameters([lam], [_POSITIVE], "poisson(lam)")
    checks: list[_Check] = [(0, sympy.Gt, lam, sympy.Integer(0), "lam > 0")]
    conditions = _decide("poisson", ["lam"], [lam], checks)
    k = _index_symbol([lam])
    pmf = sympy.exp(-lam) * lam**k / sympy.factorial(k)
    series = InfiniteSum(lam**k * sympy.log(sympy.factorial(k)) / sympy.factorial(k), (k, 2, sympy.oo))
    template = (lam * (1 - sympy.log(lam)) + sympy.exp(-lam) * series) / sympy.log(_BASE)
    return FormulaDistribution._trusted(
        names[0],
        k,
        pmf,
        sympy.Integer(0),
        sympy.oo,
        template,
        ("poisson", ["lam"], (lam,), checks),
        conditions,
    )


def negative_binomial(r: Any, p: Any, *, name: str = "X") -> FormulaDistribution:
    """The negative binomial distribution: failures before the ``r``-th success.

    Explanation
    ===========

    ``P(X = k) = C(k + r - 1, k) p^r (1 - p)^k`` for ``k = 0, 1, ...``, with
    ``r > 0`` (not necessarily an integer) and ``0 < p <= 1``; the same
    convention as ``sympy.stats.NegativeBinomial``.  Its entropy is
    ``r h(p)/p - sum_{k >= 1} P(k) log C(k + r - 1, k)``, from
    ``E[X] = r (1 - p)/p``; for ``r = 1`` it is the geometric distribution
    on ``{0, 1, ...}`` and the entropy is ``h(p)/p``.

    Examples
    ========

    >>> from sympy import Rational
    >>> from symentropy import entropy
    >>> from symentropy.models.families import negative_binomial
    >>> entropy(negative_binomial(1, Rational(1, 2)))
    2
    >>> entropy(negative_binomial(2, "p"))
    -Sum(p**2*(1 - p)**k*(k + 1)*log(k + 1), (k, 1, oo))/log(2) + 2*binary_entropy(p)/p

    Parameters
    ==========

    r : number of successes, ``r > 0``; a bare name becomes a positive symbol.
    p : probability of success, ``0 < p <= 1``; a bare name becomes a positive symbol.
    name : str

    See Also
    ========

    geometric
    """
    names = check_names((name,))
    r, p = _parameters([r, p], [_POSITIVE, _POSITIVE_PROBABILITY], "negative_binomial(r, p)")
    labels = ["r", "p"]
    checks = _named_checks(
        labels, [(0, sympy.Gt, r, sympy.Integer(0), "r > 0")] + _probability_checks(p, 1, open_at_zero=True)
    )
    conditions = _decide("negative_binomial", labels, [r, p], checks)
    k = _index_symbol([r, p])
    coefficient = sympy.binomial(k + r - 1, k)
    pmf = coefficient * p**r * (1 - p) ** k
    template = r * binary_entropy(p, _BASE) / p
    if known_sign(r - 1) != 0:
        j = sympy.Symbol(k.name, integer=True, positive=True)  # the sum starts at 1
        term = (pmf * sympy.log(coefficient)).xreplace({k: j})
        template -= InfiniteSum(term, (j, 1, sympy.oo)) / sympy.log(_BASE)
    return FormulaDistribution._trusted(
        names[0], k, pmf, sympy.Integer(0), sympy.oo, template, ("negative_binomial", labels, (r, p), checks),
        conditions,
    )  # fmt: skip


# --- distributions given by a formula -----------------------------------------------------------------


class FormulaDistribution:
    """A distribution of one integer variable given by a formula for its pmf.

    Explanation
    ===========

    ``P(X = k) = pmf(k)`` for the integers ``k`` from ``lower`` to ``upper``;
    ``upper`` may be ``oo`` or a symbol.  This is the counterpart of
    :class:`~symentropy.Distribution` for supports that cannot be listed:
    :func:`symentropy.entropy` accepts it (with no names, or its own name),
    and returns the closed form that the family supplies, or otherwise the
    exact series ``-Sum(pmf*log(pmf), (k, lower, upper))/log(base)``.
    Measures of several variables (mutual information, joint tables) need a
    finite :class:`~symentropy.Distribution` and refuse it with a
    ``TypeError``; :meth:`to_distribution` converts one whose support is
    finite and known.

    The families :func:`geometric`, :func:`poisson`, :func:`negative_binomial`
    and the symbolic-size cases of :func:`binomial` and
    :func:`discrete_uniform` build these; the constructor builds one from any
    formula and checks (three-valued, as for ``Distribution``) that it sums
    to 1.

    Examples
    ========

    >>> from sympy import Rational, Symbol, oo
    >>> from symentropy import entropy
    >>> from symentropy.models.families import FormulaDistribution
    >>> k = Symbol("k", integer=True)
    >>> d = FormulaDistribution(Rational(1, 2)**k, (k, 1, oo), name="N")
    >>> d
    FormulaDistribution(2**(-k), (k, 1, oo), name='N')
    >>> d.pmf(3), d.support
    (1/8, Range(1, oo, 1))
    >>> entropy(d)
    Sum(k*log(2)/2**k, (k, 1, oo))/log(2)
    >>> d.evaluate(25)
    2.000000000000000000000000
    >>> FormulaDistribution(Rational(1, 3)**k, (k, 1, oo))
    Traceback (most recent call last):
    ...
    symentropy.errors.DistributionError: probabilities sum to 1/2, not 1

    Parameters
    ==========

    pmf : sympy expression (or string) in the index symbol
    limits : ``(k, lower, upper)`` as for ``sympy.Sum``; ``lower`` an integer,
        ``upper`` an integer, a symbol or ``oo``
    name : str
        The variable's name.
    strict : bool
        Raise :class:`~symentropy.errors.UndecidedError` when the total cannot
        be decided, instead of recording it in :attr:`conditions`.

    See Also
    ========

    geometric, poisson, negative_binomial
    """

    __slots__ = (
        "_name", "_index", "_pmf", "_lower", "_upper", "_template", "_family", "_conditions", "_numeric",
    )  # fmt: skip

    def __init__(self, pmf: Any, limits: tuple[Any, Any, Any], *, name: str = "X", strict: bool = False):
        (name,) = check_names((name,))
        try:
            variable, lower, upper = limits
        except (TypeError, ValueError):
            raise DistributionError(f"limits must be (k, lower, upper), got {limits!r}") from None
        if isinstance(variable, str):
            variable = sympy.Symbol(variable)
        if not isinstance(variable, sympy.Symbol):
            raise DistributionError(f"the index of the pmf must be a Symbol, got {variable!r}")
        expression = as_exact(pmf, symbols={variable.name: variable}, what="pmf")
        lower = as_exact(lower, what="lower limit")
        upper = sympy.oo if upper in (sympy.oo, math.inf, "oo") else as_exact(upper, what="upper limit")
        if not lower.is_Integer:
            raise DistributionError(f"the lower limit must be an integer, got {lower}")
        if upper.is_number and upper is not sympy.oo and not (upper.is_Integer and upper >= lower):
            raise DistributionError(f"the upper limit must be an integer >= {lower} or oo, got {upper}")
        index = _index_symbol(expression.free_symbols - {variable}, lower)
        expression = expression.xreplace({variable: index})
        conditions: list[sympy.Basic] = []
        if not upper.is_number and upper.is_integer is not True:
            conditions.append(sympy.Contains(upper, sympy.S.Integers))
        nonnegative = expression.is_nonnegative
        if nonnegative is False:
            raise DistributionError(f"the pmf {expression} is negative")
        if upper.is_number and upper is not sympy.oo and upper - lower <= _CHECKED_CELLS:
            for value in range(int(lower), int(upper) + 1):
                cell = expression.xreplace({index: sympy.Integer(value)})
                if _negative(cell):
                    raise DistributionError(f"the pmf is {cell} at {index} = {value}, which is negative")
        elif nonnegative is None:
            conditions.append(sympy.Ge(expression, 0))
        total = sympy.Sum(expression, (index, lower, upper)).doit()
        if total.has(sympy.Sum, sympy.Piecewise):
            conditions.append(sympy.Eq(sympy.Sum(expression, (index, lower, upper)), 1))
        else:
            # a number is decided exactly as it is; an expression in symbols is simplified first
            conditions.extend(check_total(total if total.is_number else sympy.simplify(total), "probabilities"))
        conditions = list(dict.fromkeys(conditions))
        if strict:
            require_decided(conditions, "a distribution")
        surprisal = sympy.expand(-sympy.expand_log(sympy.log(expression)))  # -log P(k), split where valid
        total_class = InfiniteSum if upper is sympy.oo else sympy.Sum
        template = total_class(expression * surprisal, (index, lower, upper)) / sympy.log(_BASE)
        self._set(name, index, expression, lower, upper, template, None, tuple(dict.fromkeys(conditions)))

    def _set(
        self,
        name: str,
        index: sympy.Symbol,
        pmf: sympy.Expr,
        lower: sympy.Expr,
        upper: sympy.Expr,
        template: sympy.Expr,
        family: tuple | None,
        conditions: tuple,
    ) -> None:
        self._name = name
        self._index = index
        self._pmf = sympy.powsimp(pmf)  # (1/2)*(1/2)**(k - 1) is 2**(-k)
        self._lower = lower
        self._upper = upper
        self._template = template
        self._family = family
        self._conditions = conditions
        self._numeric: EntropySeries | None = None

    @classmethod
    def _trusted(
        cls,
        name: str,
        index: sympy.Symbol,
        pmf: sympy.Expr,
        lower: sympy.Expr,
        upper: sympy.Expr,
        template: sympy.Expr,
        family: tuple | None,
        conditions: Iterable = (),
    ) -> FormulaDistribution:
        """Build from parts already validated by a family function."""
        self = object.__new__(cls)
        self._set(name, index, pmf, lower, upper, template, family, tuple(dict.fromkeys(conditions)))
        return self

    # -- access -------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        """The variable's name."""
        return self._name

    @property
    def names(self) -> tuple[str]:
        """``(name,)``, as :attr:`Distribution.names`."""
        return (self._name,)

    @property
    def index(self) -> sympy.Symbol:
        """The integer symbol of the pmf formula and of the sums in the entropy."""
        return self._index

    @property
    def limits(self) -> tuple[sympy.Symbol, sympy.Expr, sympy.Expr]:
        """``(index, lower, upper)``, as in ``sympy.Sum``."""
        return (self._index, self._lower, self._upper)

    @property
    def support(self) -> sympy.Set:
        """The integers ``lower, ..., upper`` as a sympy ``Range`` (``Range(1, oo)`` for ``{1, 2, ...}``)."""
        return sympy.Range(self._lower, self._upper + 1)

    @property
    def is_finite(self) -> bool:
        """True when the support has a known, finite number of outcomes."""
        return bool(self._upper.is_Integer)

    @property
    def parameters(self) -> dict[str, sympy.Expr]:
        """The family's parameters by name, e.g. ``{"p": p}`` (empty for a bare formula)."""
        if self._family is None:
            return {}
        _, labels, arguments, _ = self._family
        return dict(zip(labels, arguments, strict=True))

    @property
    def conditions(self) -> tuple[sympy.Basic, ...]:
        """Conditions on the symbols under which this is a valid distribution."""
        return self._conditions

    @property
    def free_symbols(self) -> set[sympy.Basic]:
        """The symbols of the parameters (the index excluded)."""
        return (self._pmf.free_symbols | self._upper.free_symbols) - {self._index}

    @property
    def is_symbolic(self) -> bool:
        """True when a parameter is a symbol."""
        return bool(self.free_symbols)

    def pmf(self, k: Any) -> sympy.Expr:
        """Return ``P(X = k)``: the formula at ``k``, or 0 for an integer outside the support.

        >>> from symentropy.models.families import poisson
        >>> poisson("lam").pmf(2), poisson(2).pmf(-1)
        (lam**2*exp(-lam)/2, 0)
        """
        value = as_exact(k, what="outcome")
        if value.is_number:
            if value.is_integer is False:
                return sympy.Integer(0)
            outside = sympy.Or(sympy.Lt(value, self._lower), sympy.Gt(value, self._upper))
            if outside is sympy.true:
                return sympy.Integer(0)
        return self._pmf.subs(self._index, value)

    def __getitem__(self, k: Any) -> sympy.Expr:
        return self.pmf(k)

    def marginal(self, *names: str) -> FormulaDistribution:
        """Return this distribution: it is the marginal of its only variable."""
        if len(names) == 1 and not isinstance(names[0], str):
            names = tuple(names[0])
        self.check_variables(names)
        return self

    def check_variables(self, names: Iterable[str]) -> None:
        """Raise UnknownVariableError for a name other than this distribution's variable."""
        for n in as_group(names, "names"):
            if n != self._name:
                raise unknown_variable(n, (self._name,))

    # -- entropy ---------------------------------------------------------------------------------
    def entropy(self, *, base: Base = 2) -> sympy.Expr:
        """Return the entropy in base ``base``: a closed form, or an exact ``Sum``.

        Sums with finite numeric limits are evaluated.

        >>> from sympy import E, Rational
        >>> from symentropy.models.families import binomial
        >>> d = binomial("n", Rational(1, 2)).subs("n", 2)
        >>> d.entropy()
        3/2
        """
        b = as_base(base)
        value = self._template.xreplace({_BASE: b})
        if value.has(sympy.Sum):
            value = value.replace(
                lambda e: (
                    isinstance(e, sympy.Sum)
                    and (e.function.is_zero or all(x.is_Integer for lim in e.limits for x in lim[1:]))
                ),
                lambda e: tidy(e.doit()),
            )
        if not value.has(sympy.Sum):
            value = _canonical(value, b)
        return value

    def partial_entropy(self, terms: int, *, base: Base = 2) -> sympy.Expr:
        """Return the exact entropy contribution ``-sum P(k) log P(k)`` of the first ``terms`` outcomes.

        >>> from sympy import Rational
        >>> from symentropy.models.families import geometric
        >>> geometric(Rational(1, 2)).partial_entropy(3)
        11/8
        """
        count = _count(terms)
        b = as_base(base)
        stop = int(self._lower) + count - 1
        if self._upper.is_Integer:
            stop = min(stop, int(self._upper))
        values = [
            self._pmf.xreplace({self._index: sympy.Integer(k)}) for k in range(int(self._lower), stop + 1)
        ]
        return LogSum.entropy_of(values).to_expr(b)

    def tail_bound(self, terms: int, *, base: Base = 2) -> sympy.Expr:
        """Return an upper bound on the entropy carried by the outcomes after the first ``terms``.

        Explanation
        ===========

        The bound is that of :class:`~symentropy.models.series.EntropySeries`:
        with ``K`` the last outcome summed and ``r(k) = P(k + 1)/P(k)`` a
        rational function of ``k``, monotone from ``K`` on, the tail is at most
        ``P(K) rho/(1 - rho) (-log P(K)) + P(K) rho/(1 - rho)^2 (-log rho)``
        with ``rho = max(r(K), lim r) < 1``.  When these conditions do not hold
        yet at ``K`` the bound returned is ``oo``.  The bound is a ``Float``
        rounded upwards; the parameters must be numbers.

        >>> from sympy import Rational
        >>> from symentropy.models.families import geometric
        >>> d = geometric(Rational(1, 2))
        >>> d.tail_bound(3) >= 2 - d.partial_entropy(3)
        True
        """
        count = _count(terms)
        b = as_base(base)
        self._require_numbers("tail_bound()", b)
        ctx = working_context(_TAIL_DIGITS)
        bound = self._series().tail_bound(ctx, int(self._lower) + count - 1)
        if bound is None:
            return sympy.oo
        if not bound:
            return sympy.Integer(0)
        bound = bound / _log_of_base(b, ctx) * (1 + ctx.mpf(10) ** (10 - ctx.dps))
        return sympy.Float(bound, ctx.dps)

    def evaluate(self, digits: int = 15, *, base: Base = 2) -> sympy.Float:
        """Return the entropy as a ``Float`` rounded to ``digits`` significant digits.

        Explanation
        ===========

        The terms ``-P(k) log P(k)`` are summed in mpmath with 15 guard
        digits until the proved bound of :meth:`tail_bound` on the rest is
        below ``10**-(digits + 5)`` times the partial sum.  So the value
        before its final rounding to ``digits`` digits has a relative error
        below ``10**-(digits + 4)``, and the result is the correctly rounded
        entropy unless that lies within this distance of a rounding
        boundary.  Parameters and ``base`` must be
        numbers (use :meth:`subs` first).  A tail that is not eventually
        geometric (``P(k + 1)/P(k) -> 1``) cannot be bounded this way and
        raises ``NotImplementedError``.

        Examples
        ========

        >>> from sympy import Rational
        >>> from symentropy.models.families import geometric, poisson
        >>> geometric(Rational(1, 3)).evaluate(40)
        2.754887502163468544361216831843449526279
        >>> poisson(Rational(1, 2)).evaluate(15)
        1.33829797409898

        Parameters
        ==========

        digits : int
            Significant digits wanted.
        base : the logarithm base, 2 (bits) by default.
        """
        count = check_digits(digits)
        b = as_base(base)
        self._require_numbers("evaluate()", b)
        ctx = working_context(count)
        nats = self._series().entropy(ctx, ctx.mpf(10) ** -(count + 5), f"the entropy of {self!r}")
        return sympy.Float(nats / _log_of_base(b, ctx), count)

    def _series(self) -> EntropySeries:
        """The entropy series of the pmf, with the analysis of its tail (cached)."""
        if self._numeric is None:
            self._numeric = EntropySeries(self._pmf, self._index, int(self._lower), self._upper)
        return self._numeric

    def _require_numbers(self, what: str, base: sympy.Expr) -> None:
        symbols = self.free_symbols | base.free_symbols
        if symbols:
            shown = ", ".join(sorted(str(s) for s in symbols))
            raise UndecidedError(
                f"{what} needs numbers, but the value depends on {shown}; substitute values first"
            )

    # -- operations ------------------------------------------------------------------------------
    def subs(self, *args: Any) -> FormulaDistribution:
        """Substitute into the parameters (the arguments of :meth:`Distribution.subs`) and check the domain again.

        A name given as a string stands for the parameter symbol of that name.

        >>> from symentropy.models.families import geometric
        >>> geometric("p").subs("p", "1/2").entropy()
        2
        >>> geometric("p").subs("p", 2)
        Traceback (most recent call last):
        ...
        symentropy.errors.DistributionError: geometric(p) needs 0 < p <= 1, got p = 2
        """
        symbols = {s.name: s for s in self.free_symbols if isinstance(s, sympy.Symbol)}
        pairs = substitutions(args, symbols=symbols, what="FormulaDistribution.subs()")

        def apply(e: sympy.Expr) -> sympy.Expr:
            return e.subs(pairs, simultaneous=True)

        family = self._family
        if family is None:
            pmf, upper = apply(self._pmf), apply(self._upper)
            return FormulaDistribution(pmf, (self._index, self._lower, upper), name=self._name)
        label, labels, arguments, checks = family
        arguments = tuple(apply(a) for a in arguments)
        checks = [(i, relation, apply(lhs), apply(rhs), rule) for i, relation, lhs, rhs, rule in checks]
        conditions = _decide(label, labels, arguments, checks)  # the family's own rule speaks first
        pmf, upper, template = apply(self._pmf), apply(self._upper), apply(self._template)
        return FormulaDistribution._trusted(
            self._name,
            self._index,
            pmf,
            self._lower,
            upper,
            template,
            (label, labels, arguments, checks),
            conditions,
        )

    def rename(self, mapping: Mapping[str, str] | None = None, /, **names: str) -> FormulaDistribution:
        """Return a copy with the variable renamed, e.g. ``d.rename(X="N")``."""
        spec = {**dict(mapping or {}), **names}
        self.check_variables(spec)
        (new,) = check_names((spec.get(self._name, self._name),))
        return FormulaDistribution._trusted(
            new,
            self._index,
            self._pmf,
            self._lower,
            self._upper,
            self._template,
            self._family,
            self._conditions,
        )

    def to_distribution(self) -> Distribution:
        """Return the table of a distribution whose support is finite and known.

        >>> from sympy import Rational
        >>> from symentropy.models.families import binomial
        >>> binomial("n", Rational(1, 2)).subs("n", 2).to_distribution()
        Distribution.from_dict({0: '1/4', 1: '1/2', 2: '1/4'}, name='X')
        """
        if not self._upper.is_Integer:
            raise DistributionError(f"the support {self.support} is not a known finite set; it has no table")
        outcomes = range(int(self._lower), int(self._upper) + 1)
        probs = [self._pmf.xreplace({self._index: sympy.Integer(k)}) for k in outcomes]
        return Distribution.from_validated((self._name,), [(k,) for k in outcomes], probs, self._conditions)

    # -- comparison and printing -----------------------------------------------------------------
    def _key(self) -> tuple:
        return (self._name, self._pmf, self._lower, self._upper)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FormulaDistribution):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        suffix = "" if self._name == "X" else f", name={self._name!r}"
        if self._family is not None:
            label, _, arguments, _ = self._family
            return f"{label}({', '.join(str(a) for a in arguments)}{suffix})"
        limits = f"({self._index}, {self._lower}, {self._upper})"
        return f"FormulaDistribution({self._pmf}, {limits}, name={self._name!r})"

    def _support_text(self) -> str:
        lo = self._lower
        if self._upper is sympy.oo:
            return f"{lo}, {lo + 1}, ..."
        return f"{lo}, ..., {self._upper}"

    def __str__(self) -> str:
        return f"P({self._name} = {self._index}) = {self._pmf}  for {self._index} = {self._support_text()}"

    def _sympystr(self, printer: Any) -> str:
        return repr(self)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        lo = printer._print(self._lower)
        if self._upper is sympy.oo:
            support = rf"\{{{lo}, {printer._print(self._lower + 1)}, \ldots\}}"
        else:
            support = rf"\{{{lo}, \ldots, {printer._print(self._upper)}\}}"
        k = printer._print(self._index)
        return rf"P({self._name} = {k}) = {printer._print(self._pmf)}, \quad {k} \in {support}"

    def _repr_latex_(self) -> str:
        return "$" + sympy.latex(self) + "$"


# --- numerical routines ----------------------------------------------------------------------------


def _count(terms: Any) -> int:
    """A number of terms: a positive integer."""
    if isinstance(terms, bool) or not isinstance(terms, (int, sympy.Integer)):
        raise TypeError(f"terms must be a positive integer, got {terms!r}")
    if int(terms) < 1:
        raise ValueError(f"terms must be a positive integer, got {terms!r}")
    return int(terms)


def _negative(cell: sympy.Expr) -> bool:
    """Whether a cell of a pmf is provably negative: exactly for a number, by assumptions otherwise."""
    if cell.is_number and (cell.has(sympy.nan, sympy.zoo) or cell.is_extended_real is False):
        return False
    if cell.is_infinite:
        return bool(cell.is_extended_negative)
    return known_sign(cell) == -1


def _log_of_base(base: sympy.Expr, ctx: Any) -> Any:
    """``log(base)`` as a number of the mpmath context ``ctx``, correctly rounded."""
    return ctx.one if base == sympy.E else ctx.log(ctx.mpf(evaluate(base, ctx.dps + 5)))


def _canonical(value: sympy.Expr, base: sympy.Expr) -> sympy.Expr:
    """A finite entropy without sums, canonical when it is ``r + sum c*log(q)`` with rational ``r, c, q``."""
    if not value.is_number or value.has(binary_entropy):
        return value
    return canonical_number(value, base) if is_log_number(value, base) else value
