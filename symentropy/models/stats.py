"""Random variables of ``sympy.stats`` as symentropy distributions.

=====================================  ===============================================
function                               use
=====================================  ===============================================
:func:`from_stats`                     a ``sympy.stats`` random variable (or a finite
                                       expression of several) as a
                                       :class:`~symentropy.Distribution` or a
                                       :class:`~symentropy.models.families.FormulaDistribution`
=====================================  ===============================================

:func:`symentropy.entropy` accepts a random variable directly.  Finite random
variables (``Die``, ``Coin``, ``Bernoulli``, ``Binomial``, ``DiscreteUniform``,
``FiniteRV``, ...) become tables, so the answer is the exact canonical one,
where ``sympy.stats.entropy`` gives ``zoo`` for a fair ``Coin`` or a
``DiscreteUniform``, a ``Lambda`` expression for a ``FiniteRV``, and silently
ignores ``base=`` (its keyword is ``b=``).  ``Geometric``, ``Poisson`` and ``NegativeBinomial`` become the
families of :mod:`symentropy.models.families` (with their closed forms); other
discrete random variables on ``{a, a + 1, ...}`` become a
:class:`~symentropy.models.families.FormulaDistribution` of their pmf.

``sympy.stats`` is imported only when one of these functions needs it.

Examples
========

>>> from sympy import Rational, Symbol
>>> from sympy.stats import Coin, Die, FiniteRV, Geometric
>>> from symentropy import entropy
>>> entropy(Coin("C"))
1
>>> entropy(Die("D", 6))
1 + log(3)/log(2)
>>> entropy(FiniteRV("F", {1: Rational(1, 2), 2: Rational(1, 4), 3: Rational(1, 8), 4: Rational(1, 8)}))
7/4
>>> entropy(Geometric("G", Symbol("p", positive=True)))
binary_entropy(p)/p
"""

from __future__ import annotations

from typing import Any

import sympy

from ..core.distribution import Distribution
from .continuous import (
    Affine,
    BetaDistribution,
    Cauchy,
    Chi,
    ChiSquared,
    ContinuousDistribution,
    Density,
    Exponential,
    GammaDistribution,
    Gumbel,
    Kumaraswamy,
    Laplace,
    Logistic,
    LogNormal,
    MaxwellBoltzmann,
    MultivariateNormal,
    Normal,
    Pareto,
    Rayleigh,
    StudentT,
    Triangular,
    UniformInterval,
    Weibull,
    affine,
)
from .families import FormulaDistribution, binomial, geometric, negative_binomial, poisson

__all__ = ["from_stats", "from_sympy_stats", "is_random_expression"]


def is_random_expression(value: object) -> bool:
    """True when ``value`` is a ``sympy.stats`` random variable or an expression in some."""
    if not isinstance(value, sympy.Basic):
        return False
    from sympy.stats.rv import RandomSymbol  # lazy: sympy.stats is only needed here

    return isinstance(value, RandomSymbol) or value.has(RandomSymbol)


def _outcome(value: Any) -> Any:
    """Plain Python ints for integer outcomes, as the other constructors use."""
    if isinstance(value, sympy.Integer):
        return int(value)
    return value


def _name_of(rv: sympy.Basic) -> str:
    from sympy.stats.rv import RandomSymbol

    if isinstance(rv, RandomSymbol):
        return rv.symbol.name
    return "X"


def from_stats(
    rv: sympy.Basic, *, name: str | None = None
) -> Distribution | FormulaDistribution | ContinuousDistribution:
    """Return the distribution of a ``sympy.stats`` random variable: the one sympy.stats entry point.

    Explanation
    ===========

    A random variable of finite type, or an expression in several (such as
    the sum of two dice), becomes a :class:`~symentropy.Distribution` over
    its values.  ``Geometric``, ``Poisson``, ``NegativeBinomial`` and a
    ``Binomial`` with a symbolic number of trials become the corresponding
    :mod:`symentropy.models.families`; any other discrete random variable whose
    values are ``a, a + 1, ...`` a :class:`~symentropy.models.families.FormulaDistribution`
    of its pmf.  The variable keeps the random symbol's name unless ``name``
    is given.

    A continuous random variable becomes the
    :class:`~symentropy.models.continuous.ContinuousDistribution` of the same
    family with the same parameters (``Gumbel(name, beta, mu)`` becomes
    ``gumbel(mu, beta)``; any other single continuous distribution a
    :class:`~symentropy.models.continuous.Density` of its ``pdf``), read from
    its arguments without integrating; ``MultivariateNormal`` becomes
    :class:`~symentropy.models.continuous.MultivariateNormal`, and a linear
    expression ``a*X + b`` in one continuous variable becomes
    :func:`~symentropy.models.continuous.affine` of ``X``'s distribution.

    Examples
    ========

    >>> from sympy.stats import Die, Poisson
    >>> from symentropy.models.stats import from_stats
    >>> from_stats(Die("D", 4))
    Distribution.from_dict({1: '1/4', 2: '1/4', 3: '1/4', 4: '1/4'}, name='D')
    >>> from_stats(Die("A", 2) + Die("B", 2), name="S")
    Distribution.from_dict({2: '1/4', 3: '1/2', 4: '1/4'}, name='S')
    >>> from_stats(Poisson("N", 3))
    poisson(3, name='N')
    >>> from sympy import Symbol
    >>> from sympy.stats import Normal, Gumbel
    >>> from_stats(Normal("X", 1, Symbol("s", positive=True)))
    normal(1, s)
    >>> from_stats(2*Normal("X", 0, 1) + 1)
    affine(normal(0, 1), 2, 1)
    >>> from_stats(Gumbel("G", 3, 1))
    gumbel(1, 3)

    Parameters
    ==========

    rv : a ``sympy.stats`` random variable or expression of random variables
    name : str, optional
        The variable's name; default the random symbol's name (``"X"`` for
        an expression).

    Raises
    ======

    TypeError
        For something that is not a random expression, or a random
        variable of a kind that has no distribution here (discrete on all
        the integers, a nonlinear expression of a continuous variable).

    See Also
    ========

    symentropy.models.families.FormulaDistribution, symentropy.measures.shannon.entropy
    """
    if not is_random_expression(rv):
        raise TypeError(f"expected a sympy.stats random variable, got {type(rv).__name__}: {rv!r}")
    from sympy.stats import density
    from sympy.stats.crv import SingleContinuousPSpace
    from sympy.stats.drv import SingleDiscretePSpace
    from sympy.stats.frv import FinitePSpace
    from sympy.stats.joint_rv import JointPSpace
    from sympy.stats.rv import RandomSymbol, pspace, random_symbols

    label = _name_of(rv) if name is None else name
    space = pspace(rv)
    if isinstance(rv, RandomSymbol) and isinstance(space, SingleDiscretePSpace):
        return _discrete(space.distribution, label)
    if isinstance(rv, RandomSymbol) and isinstance(space, FinitePSpace):
        distribution = getattr(space, "distribution", None)
        if getattr(distribution, "is_symbolic", False):
            return _symbolic_finite(distribution, label)
    if isinstance(space, FinitePSpace) or all(
        isinstance(getattr(s, "pspace", None), FinitePSpace) for s in rv.atoms(RandomSymbol)
    ):
        table = density(rv)
        table = getattr(table, "dict", table)  # one variable: its distribution; an expression: a dict
        if isinstance(table, sympy.Dict):
            table = dict(table.items())
        if not isinstance(table, dict):
            raise TypeError(f"sympy.stats gives no table of values for {rv}")
        return Distribution({_outcome(k): v for k, v in table.items()}, name=label)
    if isinstance(rv, RandomSymbol) and isinstance(space, (SingleContinuousPSpace, JointPSpace)):
        return _continuous(space.distribution)
    symbols = random_symbols(rv)
    if len(symbols) == 1 and isinstance(symbols[0].pspace, SingleContinuousPSpace):
        (variable,) = symbols
        a = sympy.expand(rv.diff(variable))
        if not a.has(variable) and not a.is_zero:  # a*X + b
            return affine(_continuous(variable.pspace.distribution), a, rv.subs(variable, 0))
        raise TypeError(f"{rv} is not a linear expression a*X + b in one continuous random variable")
    raise TypeError(f"cannot convert {rv} (probability space {type(space).__name__}) to a distribution")


def _symbolic_finite(distribution: Any, label: str) -> Distribution | FormulaDistribution:
    """Finite sympy.stats distributions whose size is a symbol (``Binomial(n, p)``)."""
    from sympy.stats.frv_types import BinomialDistribution

    if isinstance(distribution, BinomialDistribution):
        n, p, success, failure = distribution.args
        if success == 1 and failure == 0:
            return binomial(n, p, name=label)
    raise TypeError(f"cannot convert a {type(distribution).__name__} with symbolic size to a distribution")


def _discrete(distribution: Any, label: str) -> FormulaDistribution:
    from sympy.stats.drv_types import GeometricDistribution, NegativeBinomialDistribution, PoissonDistribution

    if isinstance(distribution, GeometricDistribution):
        return geometric(distribution.p, name=label)
    if isinstance(distribution, PoissonDistribution):
        return poisson(distribution.lamda, name=label)
    if isinstance(distribution, NegativeBinomialDistribution):
        return negative_binomial(distribution.r, distribution.p, name=label)
    support = distribution.set
    if support == sympy.S.Naturals:
        lower, upper = sympy.Integer(1), sympy.oo
    elif support == sympy.S.Naturals0:
        lower, upper = sympy.Integer(0), sympy.oo
    elif isinstance(support, sympy.Range) and support.step == 1 and support.inf.is_Integer:
        lower, upper = support.inf, support.sup
    else:
        raise TypeError(
            f"the values {support} of a {type(distribution).__name__} are not a range a, a+1, ..."
        )
    k = sympy.Symbol("k", integer=True)
    return FormulaDistribution(distribution.pdf(k), (k, lower, upper), name=label)


_SYMPY_STATS: dict[str, Any] = {
    "UniformDistribution": UniformInterval,
    "NormalDistribution": Normal,
    "ExponentialDistribution": Exponential,
    "LaplaceDistribution": Laplace,
    "GammaDistribution": GammaDistribution,
    "BetaDistribution": BetaDistribution,
    "CauchyDistribution": Cauchy,
    "LogisticDistribution": Logistic,
    "RayleighDistribution": Rayleigh,
    "ChiDistribution": Chi,
    "ChiSquaredDistribution": ChiSquared,
    "StudentTDistribution": StudentT,
    "WeibullDistribution": Weibull,
    "ParetoDistribution": Pareto,
    "LogNormalDistribution": LogNormal,
    "MaxwellDistribution": MaxwellBoltzmann,
    "KumaraswamyDistribution": Kumaraswamy,
    "TriangularDistribution": Triangular,
}


def _continuous(distribution: Any) -> ContinuousDistribution:
    name = type(distribution).__name__
    if name in _SYMPY_STATS and type(distribution).__module__.startswith("sympy.stats"):
        return _SYMPY_STATS[name](*distribution.args)
    if name == "GumbelDistribution":
        beta, mu, minimum = distribution.args
        if minimum:
            return Affine(Gumbel(-mu, beta), sympy.S.NegativeOne, sympy.S.Zero)
        return Gumbel(mu, beta)
    if name == "MultivariateNormalDistribution":
        return MultivariateNormal(*distribution.args)
    if (
        hasattr(distribution, "pdf")
        and hasattr(distribution, "set")
        and isinstance(distribution.set, sympy.Interval)
    ):
        x = sympy.Dummy("x", real=True)
        return Density(sympy.Lambda(x, distribution.pdf(x)), distribution.set)
    raise TypeError(f"no continuous distribution known for {distribution!r}")




def from_sympy_stats(X: Any) -> ContinuousDistribution:
    """The continuous distribution of a ``sympy.stats`` random variable: :func:`from_stats`, by its 0.1 name.

    >>> from sympy.stats import Exponential
    >>> from_sympy_stats(Exponential("T", 2))
    exponential(2)
    """
    result = from_stats(X)
    if not isinstance(result, ContinuousDistribution):
        raise TypeError(f"{X} is a discrete random variable; from_stats({X}) gives its distribution")
    return result
