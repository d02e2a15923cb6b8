"""Divergences and distances between distributions on the same variables.

==========================================  ===============================================
function                                    value
==========================================  ===============================================
:func:`kl_divergence`                       ``D(p || q)``, or ``D(p(y|x) || q(y|x) | p(x))``
:func:`cross_entropy`                       ``H(p, q) = -sum p log q``
:func:`jensen_shannon_divergence`           ``H(sum w_i p_i) - sum w_i H(p_i)``
:func:`renyi_divergence`                    ``log(sum p**a q**(1-a)) / (a - 1)``
:func:`total_variation_distance`            ``(1/2) sum |p - q|``
:func:`hellinger_distance`                  ``sqrt(1 - sum sqrt(p q))``
==========================================  ===============================================

The two distributions must have the same variables (in any order); an
outcome missing from one has probability 0 there.  Extra positional names
restrict both to those variables first.  Measures with a logarithm take
``base=`` (bits by default); the two distances do not.

A divergence that is infinite (``p`` puts mass where ``q`` has none) is
exactly ``sympy.oo``.  Logarithmic divergences of rational tables are exact
sums of logarithms in the canonical form of :mod:`symentropy.measures.shannon`, so
``kl_divergence(p, q) == 0`` exactly when ``p == q``.  Symbolic tables give
an expanded sum of terms ``c*log(a)/log(base)``, ready for ``diff`` and
``solve``; a symbolic cell of ``p`` opposite a zero of ``q`` that cannot be
proved zero raises :class:`~symentropy.errors.UndecidedError`, since the
divergence is then finite or infinite according to its value.

Examples
========

>>> from symentropy import Distribution
>>> from symentropy.measures.divergences import kl_divergence, total_variation_distance
>>> p = Distribution.from_pmf(["1/2", "1/2"])
>>> q = Distribution.from_pmf(["3/4", "1/4"])
>>> kl_divergence(p, q)
-log(3)/(2*log(2)) + 1
>>> total_variation_distance(p, q)
1/4
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import sympy

from ..core.distribution import Distribution, independent
from ..core.labels import format_outcome
from ..core.names import Names, as_group
from ..core.validate import check_total, sum_probabilities
from ..errors import DistributionError, UndecidedError, ZeroProbabilityError
from ..kernel.exact import as_exact
from ..kernel.logbase import Base, as_base
from ..kernel.logsum import LogSum
from ..kernel.numeric import known_sign
from ..models.continuous import ContinuousDistribution
from .differential import continuous_kl_divergence
from .generalized import as_order
from .shannon import marginal_entropy

__all__ = [
    "kl_divergence",
    "cross_entropy",
    "jensen_shannon_divergence",
    "renyi_divergence",
    "total_variation_distance",
    "hellinger_distance",
    "lautum_information",
]


# -- shared helpers -------------------------------------------------------------


def _pair(
    p: object, q: object, names: tuple[Any, ...], what: str
) -> tuple[Distribution, Distribution, tuple[str, ...]]:
    """Check ``p`` and ``q`` and return their marginals on the chosen variables, aligned."""
    for label, d in (("p", p), ("q", q)):
        if not isinstance(d, Distribution):
            raise TypeError(f"{what}() compares two Distribution objects; {label} is a {type(d).__name__}")
    assert isinstance(p, Distribution) and isinstance(q, Distribution)
    for n in names:
        if not isinstance(n, str):
            raise TypeError(
                f"variable names are passed as separate strings, e.g. {what}(p, q, 'X'); got {n!r}"
            )
    if names:
        chosen = tuple(dict.fromkeys(names))
        p.positions(chosen)
        q.positions(chosen)
    else:
        if set(p.names) != set(q.names):
            raise DistributionError(
                f"{what}() needs two distributions on the same variables; p has {', '.join(p.names)} "
                f"but q has {', '.join(q.names)}"
            )
        chosen = p.names
    return _on(p, chosen), _on(q, chosen), chosen


def _on(d: Distribution, names: tuple[str, ...]) -> Distribution:
    return d if names == d.names else d.marginal(*names)


def _positive(value: sympy.Expr) -> bool:
    """True when a probability is provably positive (decided exactly for numbers)."""
    return known_sign(value) == 1


def _zero_opposite(p_value: sympy.Expr, outcome: tuple, what: str) -> None:
    """A nonzero cell of ``p`` opposite a zero of ``q``: infinite if provably positive, else undecided."""
    if not _positive(p_value):
        raise UndecidedError(
            f"{what}: q is 0 at outcome {format_outcome(outcome)} where p is {p_value}; the result is infinite "
            f"unless {p_value} = 0, which cannot be decided"
        )


def _p_log_q(pairs: Sequence[tuple[sympy.Expr, sympy.Expr]]) -> LogSum:
    """``sum p log q`` over pairs with ``p`` not zero and ``q`` not zero (nats)."""
    weights: dict[int, Fraction] = {}
    result = LogSum()
    for pv, qv in pairs:
        if pv.is_Rational and qv.is_Rational:
            w = Fraction(int(pv.p), int(pv.q))
            weights[int(qv.p)] = weights.get(int(qv.p), Fraction(0)) + w
            weights[int(qv.q)] = weights.get(int(qv.q), Fraction(0)) - w
        else:
            result = result + LogSum.log_of(qv).scaled(pv)
    return LogSum.from_integer_weights(weights) + result


def _cross_logsum(
    p: Distribution, q: Distribution, names: tuple[str, ...], given: tuple[str, ...], what: str
) -> LogSum | None:
    """``-sum p(x, y) log q(y | x)`` as a LogSum (nats), or None when it is infinite.

    ``names`` are the variables ``y`` and ``given`` the variables ``x``; the
    result is ``-sum p(x,y) log q(x,y) + sum p(x) log q(x)``.
    """
    marginal_pairs = []
    if given:
        pg, qg = p.marginal(*given), q.marginal(*given)
        for outcome, pv in pg.items():
            if pv.is_zero:
                continue
            qv = qg[outcome]
            if qv.is_zero:
                event = ", ".join(f"{n}={v!r}" for n, v in zip(given, outcome, strict=True))
                raise ZeroProbabilityError(
                    f"{what}: q gives probability 0 to {event}, where p does not, so q({','.join(names)} | "
                    f"{','.join(given)}) is undefined there"
                )
            marginal_pairs.append((pv, qv))
    pairs = []
    for outcome, pv in p.items():
        if pv.is_zero:
            continue
        qv = q[outcome]
        if qv.is_zero:
            _zero_opposite(pv, outcome, what)
            return None
        pairs.append((pv, qv))
    return _p_log_q(marginal_pairs) - _p_log_q(pairs)


def _split(p: Distribution, names: tuple[str, ...], given: Names) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split the aligned variables into the conditioned ones and the conditioning ones."""
    conditioning = as_group(given, "given")
    p.positions(conditioning)  # p is already restricted to ``names``
    targets = tuple(n for n in names if n not in conditioning)
    if not targets:
        raise DistributionError(f"every variable compared is in given={conditioning!r}; nothing is left")
    return targets, conditioning


def _prepare(
    p: object, q: object, names: tuple[Any, ...], given: Names, what: str
) -> tuple[Distribution, Distribution, tuple[str, ...], tuple[str, ...]]:
    conditioning = as_group(given, "given")
    if names and conditioning:
        names = tuple(dict.fromkeys(tuple(names) + conditioning))
    pp, qq, chosen = _pair(p, q, names, what)
    targets, conditioning = _split(pp, chosen, conditioning)
    return pp, qq, targets, conditioning


# -- Kullback-Leibler divergence and cross entropy ----------------------------------


def kl_divergence(p: Any, q: Any, *names: str, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the relative entropy ``D(p || q) = sum p log(p/q)``.

    Explanation
    ===========

    ``D(p||q) = sum_x p(x) log(p(x)/q(x))`` with ``0 log(0/q) = 0``; it is
    exactly ``sympy.oo`` when ``p`` gives positive probability to an outcome
    where ``q`` gives none (Cover & Thomas, 2nd ed., eq. 2.26).  With names,
    both distributions are first restricted to those variables.  With
    ``given=X``, the conditional relative entropy
    ``D(p(y|x) || q(y|x) | p(x)) = sum p(x, y) log(p(y|x)/q(y|x))``
    (eq. 2.65), where ``Y`` is every other compared variable; it raises
    :class:`~symentropy.errors.ZeroProbabilityError` if ``q(x) = 0`` where
    ``p(x) > 0``, since ``q(y|x)`` is then undefined.

    For rational tables the result is canonical (``0`` exactly when the
    distributions are equal); it is computed as
    ``sum p log p - sum p log q`` with exact logarithms.

    If ``p`` is not a :class:`~symentropy.core.distribution.Distribution`, the
    call goes to ``continuous_kl_divergence(p, q, base=base)`` of
    :mod:`symentropy.measures.differential` (still in bits by default), which takes
    no names and no ``given``.

    Examples
    ========

    Cover & Thomas, Example 2.3.1, with ``r = 1/2`` and ``s = 1/4``:

    >>> from sympy import E, Symbol
    >>> from symentropy import Distribution
    >>> from symentropy.measures.divergences import kl_divergence
    >>> p = Distribution.from_pmf(["1/2", "1/2"])
    >>> q = Distribution.from_pmf(["3/4", "1/4"])
    >>> kl_divergence(p, q), kl_divergence(q, p)
    (-log(3)/(2*log(2)) + 1, -1 + 3*log(3)/(4*log(2)))
    >>> kl_divergence(p, Distribution.from_pmf([1, 0]))
    oo
    >>> r = Symbol("r", positive=True)
    >>> kl_divergence(Distribution.from_pmf([r, 1 - r]), p, base=E)
    xlogx(r) + xlogx(1 - r) + log(2)

    Parameters
    ==========

    p, q : Distribution
        On the same variables.
    names : str
        Restrict both to these variables (default: all).
    given : str or tuple of str
        Variables to condition on.
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    cross_entropy, jensen_shannon_divergence, renyi_divergence

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, eqs. (2.26), (2.65), Example 2.3.1.
    """
    if not isinstance(p, Distribution):
        return _continuous(p, q, names, given, base)
    b = as_base(base)
    pp, qq, targets, conditioning = _prepare(p, q, names, given, "kl_divergence")
    cross = _cross_logsum(pp, qq, targets, conditioning, "kl_divergence")
    if cross is None:
        return sympy.oo
    variables = targets + conditioning
    h = marginal_entropy(pp, variables) - marginal_entropy(pp, conditioning)
    return (cross - h).to_expr(b)


def _continuous(p: Any, q: Any, names: tuple[Any, ...], given: Names, base: Base) -> sympy.Expr:
    """Send ``kl_divergence`` of continuous distributions to :func:`continuous_kl_divergence`."""
    if not isinstance(p, (ContinuousDistribution, sympy.Basic)):
        raise TypeError(f"kl_divergence() compares two Distribution objects; p is a {type(p).__name__}")
    if names or as_group(given, "given"):
        raise TypeError("kl_divergence() of continuous distributions takes no variable names and no given=")
    return continuous_kl_divergence(p, q, base=base)


def cross_entropy(
    p: Distribution, q: Distribution, *names: str, given: Names = (), base: Base = 2
) -> sympy.Expr:
    """Return the cross entropy ``H(p, q) = -sum p log q``.

    Explanation
    ===========

    ``H(p, q) = H(p) + D(p || q)``: the expected code length when a code
    built for ``q`` is used on data from ``p`` (Cover & Thomas, 2nd ed.,
    Theorem 5.4.3).  It is ``sympy.oo`` when ``q`` is 0 where ``p`` is
    not.  With ``given=X``, the conditional cross entropy
    ``-sum p(x, y) log q(y|x)``.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.measures.divergences import cross_entropy
    >>> p = Distribution.from_pmf(["1/2", "1/2"])
    >>> q = Distribution.from_pmf(["3/4", "1/4"])
    >>> cross_entropy(p, q)
    -log(3)/(2*log(2)) + 2
    >>> cross_entropy(p, p)
    1

    Parameters
    ==========

    p, q : Distribution
        On the same variables.
    names : str
        Restrict both to these variables (default: all).
    given : str or tuple of str
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    kl_divergence, symentropy.measures.shannon.entropy

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, Theorem 5.4.3.
    """
    b = as_base(base)
    pp, qq, targets, conditioning = _prepare(p, q, names, given, "cross_entropy")
    cross = _cross_logsum(pp, qq, targets, conditioning, "cross_entropy")
    if cross is None:
        return sympy.oo
    return cross.to_expr(b)


# -- Jensen-Shannon divergence ------------------------------------------------------


def _weights(weights: Sequence[Any] | None, n: int) -> list[sympy.Expr]:
    if weights is None:
        return [sympy.Rational(1, n)] * n
    if isinstance(weights, (str, bytes, Mapping)) or not hasattr(weights, "__iter__"):
        raise TypeError(f"weights must be a sequence of exact numbers, got {weights!r}")
    values = [as_exact(w, what=f"weight {i}") for i, w in enumerate(weights)]
    if len(values) != n:
        raise DistributionError(f"{len(values)} weights for {n} distributions: {weights!r}")
    for i, w in enumerate(values):
        if (w.is_number and w.is_extended_real is False) or known_sign(w) == -1:
            raise DistributionError(f"weight {i} is {w}, not a nonnegative number")
    total = sympy.Add(*values)
    if check_total(total, "weights"):  # undecided: not 1 for every value of the symbols
        raise DistributionError(
            f"weights sum to {total}, which is not 1 for every value of "
            f"{', '.join(sorted(map(str, total.free_symbols))) or 'the weights'}"
        )
    return values


def jensen_shannon_divergence(
    *dists: Distribution, weights: Sequence[Any] | None = None, base: Base = 2
) -> sympy.Expr:
    """Return the (generalised) Jensen-Shannon divergence of distributions.

    Explanation
    ===========

    ``JSD_w(p_1, ..., p_n) = H(sum_i w_i p_i) - sum_i w_i H(p_i)`` (Lin
    1991), the entropy of the mixture minus the mean entropy.  It equals the
    mutual information ``I(X; M)`` between an index ``M`` drawn with
    probabilities ``w`` and ``X`` drawn from ``p_M``, so it lies between 0
    and ``H(w)``; for two distributions with the default weights it is at
    most 1 bit.  The weights are exact (floats are refused) and default to
    ``1/n`` each.  All distributions must have the same variables.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.measures.divergences import jensen_shannon_divergence
    >>> p = Distribution.from_pmf([1, 0])
    >>> q = Distribution.from_pmf([0, 1])
    >>> jensen_shannon_divergence(p, q)
    1
    >>> jensen_shannon_divergence(p, Distribution.from_pmf(["1/2", "1/2"]), weights=["1/3", "2/3"])
    -4/3 + log(3)/log(2)
    >>> jensen_shannon_divergence(p, q, weights=[0.5, 0.5])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symentropy.errors.InexactInputError: 0.5 (weight 0) is a float, ...

    Parameters
    ==========

    dists : Distribution
        Two or more distributions on the same variables.
    weights : sequence of exact numbers, optional
        Nonnegative, summing to exactly 1; symbols are allowed (``w``,
        ``1 - w``).
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    kl_divergence, symentropy.measures.shannon.mutual_information

    References
    ==========

    J. Lin, "Divergence measures based on the Shannon entropy", *IEEE Trans.
    Inf. Theory* 37 (1991), 145-151.
    """
    b = as_base(base)
    if len(dists) < 2:
        raise DistributionError(
            f"jensen_shannon_divergence() needs at least two distributions, got {len(dists)}"
        )
    for i, d in enumerate(dists):
        if not isinstance(d, Distribution):
            raise TypeError(
                "jensen_shannon_divergence() takes Distribution objects; "
                f"argument {i} is a {type(d).__name__}"
            )
    first = dists[0]
    for i, d in enumerate(dists[1:], start=1):
        if set(d.names) != set(first.names):
            raise DistributionError(
                "jensen_shannon_divergence() needs distributions on the same variables; distribution 0 has "
                f"{', '.join(first.names)} but distribution {i} has {', '.join(d.names)}"
            )
    ws = _weights(weights, len(dists))
    aligned = [_on(d, first.names) for d in dists]
    mixture: dict[tuple, list[sympy.Expr]] = {}
    mean_entropy = LogSum()
    for w, d in zip(ws, aligned, strict=True):
        if known_sign(w) == 0:
            continue
        for outcome, pv in d.items():
            if not pv.is_zero:
                mixture.setdefault(outcome, []).append(w * pv)
        mean_entropy = mean_entropy + LogSum.entropy_of(d.probabilities).scaled(w)
    cells = [sum_probabilities(terms) for terms in mixture.values()]
    return (LogSum.entropy_of(cells) - mean_entropy).to_expr(b)


# -- Renyi divergence ---------------------------------------------------------------


def renyi_divergence(p: Distribution, q: Distribution, alpha: Any, *names: str, base: Base = 2) -> sympy.Expr:
    """Return the Rényi divergence of order ``alpha``, ``D_alpha(p || q)``.

    Explanation
    ===========

    ``D_alpha(p||q) = log(sum_x p(x)**alpha q(x)**(1 - alpha)) / (alpha - 1)``,
    the sum over the support of ``p`` (Rényi 1961; van Erven and Harremoës
    2014).  The orders ``0``, ``1`` and ``oo`` are limits, given exactly:
    ``D_0 = -log q(supp p)``, ``D_1 = kl_divergence(p, q)`` and
    ``D_oo = log max_x p(x)/q(x)``.  ``alpha = 1/2`` gives
    ``-2 log`` of the Bhattacharyya coefficient.  The result is ``oo`` when
    ``alpha >= 1`` and ``q`` is 0 where ``p`` is not, or when the supports
    are disjoint.  ``alpha`` must be nonnegative; it may be a Symbol, in
    which case the general formula is returned (valid for
    ``alpha != 1``, and for ``alpha < 1`` when ``q`` misses part of the
    support of ``p``).

    Examples
    ========

    >>> from sympy import oo, Symbol
    >>> from symentropy import Distribution
    >>> from symentropy.measures.divergences import renyi_divergence
    >>> p = Distribution.from_pmf(["1/2", "1/2"])
    >>> q = Distribution.from_pmf(["3/4", "1/4"])
    >>> renyi_divergence(p, q, 2)
    -log(3)/log(2) + 2
    >>> renyi_divergence(p, q, oo)
    1
    >>> renyi_divergence(p, q, 0)
    0
    >>> a = Symbol("a", positive=True)
    >>> renyi_divergence(p, q, a)
    log((3/4)**(1 - a)/2**a + 4**(a - 1)/2**a)/((a - 1)*log(2))

    Parameters
    ==========

    p, q : Distribution
        On the same variables.
    alpha : nonnegative exact number, ``sympy.oo`` or a Symbol
    names : str
        Restrict both to these variables.
    base : 2, sympy.E, 10, a positive rational or a Symbol

    See Also
    ========

    kl_divergence, symentropy.measures.generalized.renyi_entropy

    References
    ==========

    A. Rényi, "On measures of entropy and information", *Proc. Fourth
    Berkeley Symp. Math. Statist. Prob.* 1 (1961), 547-561.

    T. van Erven and P. Harremoës, "Rényi divergence and Kullback-Leibler
    divergence", *IEEE Trans. Inf. Theory* 60 (2014), 3797-3820.
    """
    b = as_base(base)
    a = as_order(alpha, "alpha", "renyi_divergence")
    pp, qq, _ = _pair(p, q, names, "renyi_divergence")
    if a == 1:
        return kl_divergence(pp, qq, base=b)
    pairs = [(o, pv, qq[o]) for o, pv in pp.items() if not pv.is_zero]
    if a == 0:
        mass = sum_probabilities([qv for _, _, qv in pairs])
        if known_sign(mass) == 0:
            return sympy.oo
        return (-LogSum.log_of(mass)).to_expr(b)
    missing = [(o, pv) for o, pv, qv in pairs if qv.is_zero]
    if missing:
        above = 1 if a == sympy.oo else known_sign(a - 1)  # decided exactly for a number
        if above is not None and above >= 0:
            _zero_opposite(missing[0][1], missing[0][0], "renyi_divergence")
            return sympy.oo
        if above is None:
            raise UndecidedError(
                f"renyi_divergence: q is 0 at outcome {format_outcome(missing[0][0])} where p is not; the result is "
                f"infinite for alpha >= 1 and finite for alpha < 1, and alpha = {a} is not decided"
            )
        pairs = [(o, pv, qv) for o, pv, qv in pairs if not qv.is_zero]
        if not pairs:
            return sympy.oo
    if a == sympy.oo:
        ratios = [pv / qv for _, pv, qv in pairs]
        if all(r.is_Rational for r in ratios):
            return LogSum.log_of(max(ratios)).to_expr(b)
        return LogSum.log_of(sympy.Max(*ratios)).to_expr(b)
    total = sympy.Add(*(pv**a * qv ** (1 - a) for _, pv, qv in pairs))
    if a.is_number:
        return LogSum.log_of(sum_probabilities([total])).scaled(1 / (a - 1)).to_expr(b)
    divisor = (a - 1) * (sympy.log(b) if b != sympy.E else 1)
    return sympy.log(total) / divisor


# -- distances ----------------------------------------------------------------------


def _union_cells(p: Distribution, q: Distribution) -> list[tuple[sympy.Expr, sympy.Expr]]:
    cells = [(pv, q[o]) for o, pv in p.items()]
    cells += [(sympy.Integer(0), qv) for o, qv in q.items() if o not in p]
    return cells


def total_variation_distance(p: Distribution, q: Distribution, *names: str) -> sympy.Expr:
    """Return the total variation distance ``(1/2) sum_x |p(x) - q(x)|``.

    Explanation
    ===========

    The largest difference ``|p(A) - q(A)|`` over events ``A``; it lies in
    ``[0, 1]`` and is half the ``L1`` distance of Cover & Thomas, 2nd ed.,
    eq. (11.137).  Pinsker's inequality bounds it by the relative entropy:
    ``D(p||q) >= 2 V**2`` in nats (Lemma 11.6.1).  No logarithm is
    involved, so there is no ``base``.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.measures.divergences import total_variation_distance
    >>> total_variation_distance(Distribution.from_pmf(["1/2", "1/2"]), Distribution.from_pmf(["3/4", "1/4"]))
    1/4

    Parameters
    ==========

    p, q : Distribution
        On the same variables.
    names : str
        Restrict both to these variables.

    See Also
    ========

    hellinger_distance, kl_divergence

    References
    ==========

    T. M. Cover and J. A. Thomas, *Elements of Information Theory*, 2nd ed.,
    Wiley, 2006, section 11.6.
    """
    pp, qq, _ = _pair(p, q, names, "total_variation_distance")
    terms = [sympy.Abs(pv - qv) for pv, qv in _union_cells(pp, qq)]
    return sum_probabilities(terms) / 2


def hellinger_distance(p: Distribution, q: Distribution, *names: str) -> sympy.Expr:
    """Return the Hellinger distance ``sqrt(1 - sum_x sqrt(p(x) q(x)))``.

    Explanation
    ===========

    Normalised to lie in ``[0, 1]``: ``H(p, q)**2 = (1/2) sum (sqrt p -
    sqrt q)**2 = 1 - BC(p, q)``, where ``BC`` is the Bhattacharyya
    coefficient; some authors omit the factor ``1/2`` and get values in
    ``[0, sqrt(2)]``.  It is 1 exactly when the supports are disjoint, and
    ``renyi_divergence(p, q, 1/2)`` is ``-2 log(1 - H**2)``.

    Examples
    ========

    >>> from symentropy import Distribution
    >>> from symentropy.measures.divergences import hellinger_distance
    >>> hellinger_distance(Distribution.from_pmf(["1/2", "1/2"]), Distribution.from_pmf(["1/8", "7/8"]))
    sqrt(3/4 - sqrt(7)/4)
    >>> hellinger_distance(Distribution.from_pmf([1, 0]), Distribution.from_pmf([0, 1]))
    1

    Parameters
    ==========

    p, q : Distribution
        On the same variables.
    names : str
        Restrict both to these variables.

    See Also
    ========

    total_variation_distance, renyi_divergence

    References
    ==========

    A. Bhattacharyya, "On a measure of divergence between two statistical
    populations defined by their probability distributions", *Bull.
    Calcutta Math. Soc.* 35 (1943), 99-109.
    """
    pp, qq, _ = _pair(p, q, names, "hellinger_distance")
    coefficient = sympy.Add(*(sympy.sqrt(pv * qv) for pv, qv in _union_cells(pp, qq)))
    return sympy.sqrt(1 - coefficient)


def lautum_information(d: Distribution, *groups: Names, given: Names = (), base: Base = 2) -> sympy.Expr:
    """Return the lautum information ``D(P_X P_Y || P_XY)`` (Palomar & Verdú 2008).

    Explanation
    ===========

    The divergence of the joint distribution *from* the product of its
    marginals, the reverse of the mutual information ("lautum" is "mutual"
    backwards).  With more than two groups, the product of all their
    marginals; with ``given``, the average over the conditions of the
    conditional lautum informations (dit's ``lautum_information`` with
    ``crvs``).  It is ``oo`` when the product gives weight to an outcome the
    joint distribution excludes.

    Examples
    ========

    >>> from symentropy import Distribution, uniform, independent
    >>> from symentropy.measures.divergences import lautum_information
    >>> d = Distribution.from_table([["1/4", "1/4"], [0, "1/2"]], names=("X", "Y"))
    >>> lautum_information(d, "X", "Y")
    oo
    >>> d = Distribution.from_table([["3/8", "1/8"], ["1/8", "3/8"]], names=("X", "Y"))
    >>> lautum_information(d, "X", "Y")
    -log(3)/(2*log(2)) + 1

    References
    ==========

    D. P. Palomar and S. Verdú, "Lautum information", *IEEE Trans. Inf.
    Theory* 54 (2008), 964-975.
    """
    if not isinstance(d, Distribution):
        raise TypeError(f"lautum_information() takes a Distribution, got {type(d).__name__}")
    conditioning = as_group(given, "given")
    names = [as_group(g, f"group {k + 1}") for k, g in enumerate(groups)] or [
        (n,) for n in d.names if n not in conditioning
    ]
    if len(names) < 2:
        raise DistributionError("lautum_information() needs two groups or more")
    d.positions([*(x for g in names for x in g), *conditioning])
    flat = tuple(x for g in names for x in g)
    if not conditioning:
        return _lautum(d.marginal(*flat), names, base)
    b = as_base(base)
    total = sympy.Integer(0)
    context = d.marginal(*conditioning)
    for outcome, weight in context.items():
        if weight == 0:
            continue
        event = dict(zip(conditioning, outcome, strict=True))
        inner = _lautum(d.condition(**event).marginal(*flat), names, b)
        if inner == sympy.oo:
            if known_sign(weight) != 1:
                raise UndecidedError(
                    f"the lautum information is infinite if {conditioning} = {outcome} has positive "
                    f"probability ({weight}), which is undecided"
                )
            return sympy.oo
        total += weight * inner
    return sympy.expand(total)


def _lautum(joint: Distribution, groups: list[tuple[str, ...]], base: Base) -> sympy.Expr:
    product = independent(*(joint.marginal(*g) for g in groups))
    return kl_divergence(product, joint, base=base)
