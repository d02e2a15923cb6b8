"""Continuous distributions with symbolic parameters.

Each family is a small sympy object (so ``subs``, ``xreplace`` and the
printers work on it) built by a lower-case constructor named after the family.
Every object has ``.parameters`` (a dict from parameter name to value),
``.pdf(x)`` (the density at a point of the support, a sympy expression) and
``.support`` (a sympy ``Interval``, or ``Reals**n``); ``X.affine(a, b)`` is
the distribution of ``a*X + b``.  The measures on these objects live in
:mod:`symentropy.measures.differential`; each constructor's docstring states the
family's differential entropy and where the formula comes from.

=======================================  =============================================================
constructor                              density (on the support)
=======================================  =============================================================
``uniform_interval(a, b)``               ``1/(b - a)`` on ``[a, b]``
``normal(mu, sigma)``                    mean ``mu``, standard deviation ``sigma``
``exponential(rate)``                    ``rate*exp(-rate*x)`` on ``[0, oo)``
``laplace(mu, b)``                       ``exp(-|x - mu|/b)/(2*b)``
``gamma_distribution(k, theta)``         shape ``k``, scale ``theta``
``beta_distribution(alpha, beta)``       ``x**(alpha-1)*(1-x)**(beta-1)/B(alpha, beta)`` on ``[0, 1]``
``cauchy(x0, gamma)``                    location ``x0``, scale (half width) ``gamma``
``logistic(mu, s)``                      location ``mu``, scale ``s``
``rayleigh(sigma)``                      ``x/sigma**2*exp(-x**2/(2*sigma**2))`` on ``[0, oo)``
``chi(k)``                               ``k`` degrees of freedom
``chi_squared(k)``                       ``k`` degrees of freedom
``student_t(nu)``                        ``nu`` degrees of freedom
``weibull(lam, k)``                      scale ``lam``, shape ``k``
``pareto(xm, alpha)``                    scale (minimum) ``xm``, shape ``alpha``
``log_normal(mu, sigma)``                ``log(X)`` is ``normal(mu, sigma)``
``maxwell_boltzmann(a)``                 scale ``a``
``gumbel(mu, beta)``                     location ``mu``, scale ``beta`` (maximum type)
``generalized_normal(mu, alpha, beta)``  location ``mu``, scale ``alpha``, shape ``beta``
``half_normal(sigma)``                   ``|Y|`` for ``Y`` ``normal(0, sigma)``
``kumaraswamy(a, b)``                    ``a*b*x**(a-1)*(1-x**a)**(b-1)`` on ``[0, 1]``
``triangular(a, b, c)``                  on ``[a, b]`` with mode ``c``
``multivariate_normal(K)``               covariance matrix ``K``, optional ``mean=``
``density(expr, x, support)``            any density given as an expression
``affine(X, a, b)``                      the distribution of ``a*X + b``
=======================================  =============================================================

Parameters and their domains
============================

Parameters are exact: integers, fractions, sympy expressions, or strings.  A
string that is a bare name (``"sigma"``) becomes a symbol carrying the domain
the family needs (``positive=True`` for scales and shapes, ``real=True`` for
locations).  A sympy ``Symbol`` you pass is kept exactly as it is, so that
``subs`` with your symbol keeps working; the formulas are then *stated for
parameters in the family's domain*: ``normal(0, sigma)`` with a plain symbol
``sigma`` has entropy containing ``log(sigma)``, valid for ``sigma > 0``.  A
parameter that is provably outside the domain (``sigma = -1``, or a symbol
declared ``negative=True``) raises :class:`~symentropy.errors.DistributionError`.

Examples
========

>>> from sympy import Symbol, latex
>>> from symentropy.models.continuous import normal, exponential
>>> X = normal("mu", "sigma")
>>> X
normal(mu, sigma)
>>> X.parameters
{'mu': mu, 'sigma': sigma}
>>> X.parameters["sigma"].is_positive
True
>>> X.pdf(Symbol("x"))
sqrt(2)*exp(-(-mu + x)**2/(2*sigma**2))/(2*sqrt(pi)*sigma)
>>> print(latex(X))
\\mathcal{N}(\\mu, \\sigma^{2})
>>> exponential(2).support
Interval(0, oo)
>>> normal(0, -1)
Traceback (most recent call last):
...
symentropy.errors.DistributionError: normal: sigma must be positive, got -1
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import sympy
from sympy import Abs, EulerGamma, Interval, Lambda, Piecewise, S, digamma, exp, log, oo, pi, sqrt
from sympy import beta as beta_function
from sympy import gamma as gamma_function
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.pretty.stringpict import prettyForm

from ..errors import DistributionError, UnknownVariableError
from ..kernel.exact import GatedSubs, as_exact, as_parameter, safe_sympify
from ..kernel.numeric import known_sign

__all__ = [
    "ContinuousDistribution",
    "beta_value",
    "positive_form",
    "ContinuousFamily",
    "Affine",
    "Density",
    "MultivariateNormal",
    "uniform_interval",
    "normal",
    "exponential",
    "laplace",
    "gamma_distribution",
    "beta_distribution",
    "cauchy",
    "logistic",
    "rayleigh",
    "chi",
    "chi_squared",
    "student_t",
    "weibull",
    "pareto",
    "log_normal",
    "maxwell_boltzmann",
    "gumbel",
    "generalized_normal",
    "half_normal",
    "kumaraswamy",
    "triangular",
    "multivariate_normal",
    "density",
    "affine",
]

_POSITIVE = "positive"
_REAL = "real"


# ---------------------------------------------------------------------------
# Parameters: conversion (constructors) and validation (``__new__``)
# ---------------------------------------------------------------------------


def _parameter(value: Any, family: str, name: str, domain: str) -> sympy.Expr:
    """Convert a user's parameter; a bare name becomes a symbol with ``domain``."""
    if isinstance(value, sympy.Basic) and value in (oo, -oo):
        return value
    return as_parameter(value, what=f"parameter {name} of {family}", **{domain: True})


def _check_parameter(value: sympy.Expr, family: str, name: str, domain: str) -> None:
    """Raise when ``value`` is provably outside ``domain``; accept when undecided."""
    if not isinstance(value, sympy.Expr):
        raise DistributionError(f"{family}: {name} must be a sympy expression, got {value!r}")
    if value.has(sympy.Float):
        as_exact(value, what=f"{name} of {family}")  # raises InexactInputError, with the advice
    if value.is_finite is False or value.has(oo, -oo, sympy.zoo, sympy.nan):
        raise DistributionError(f"{family}: {name} must be finite, got {value}")
    if domain == _POSITIVE and _not_positive(value):
        raise DistributionError(f"{family}: {name} must be positive, got {value}")
    if domain == _REAL and value.is_extended_real is False:
        raise DistributionError(f"{family}: {name} must be real, got {value}")


def _require(condition: Any, message: str) -> None:
    """Raise when a relation between parameters is provably false."""
    if condition is S.false or condition is False:
        raise DistributionError(message)


def _number_sign(value: sympy.Expr) -> int | None:
    """The sign of a number without symbols, decided exactly; None when undecided or not real.

    ``oo`` and ``-oo`` have their signs; finite numbers go to
    :func:`~symentropy.kernel.numeric.known_sign`.
    """
    if value in (oo, -oo):
        return 1 if value == oo else -1
    if value.has(sympy.nan, sympy.zoo) or value.is_extended_real is False:
        return None
    try:
        return known_sign(value)
    except ValueError:  # not a finite real number after all
        return None


def _not_positive(value: sympy.Expr) -> bool:
    """Whether ``value`` is provably not positive: exactly for numbers, by assumptions for symbols."""
    if value.free_symbols:
        return value.is_extended_positive is False
    return value.is_extended_real is False or _number_sign(value) in (0, -1)


def _negative(value: sympy.Expr) -> bool:
    """Whether ``value`` is provably negative (or not real): exactly for numbers, else by assumptions."""
    if value.free_symbols:
        return value.is_extended_nonnegative is False
    return value.is_extended_real is False or _number_sign(value) == -1


def _zero(value: sympy.Expr) -> bool | None:
    """Whether ``value`` is zero: exactly for numbers, by assumptions for symbols; None when undecided."""
    if value.free_symbols:
        return value.is_zero
    sign = _number_sign(value)
    return None if sign is None else sign == 0


def beta_value(a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    """The beta function ``B(a, b)``, through gamma functions when both arguments are rational.

    The gamma form lets sympy evaluate ``B(a, b)`` for rational arguments,
    and its logarithm split into ``log``-gamma terms; for symbols the result
    is sympy's ``beta(a, b)``.  The densities and entropies of the beta and
    Student's t families, and the beta divergence of
    :mod:`symentropy.measures.differential`, use it.

    Examples
    ========

    >>> from sympy import Rational, Symbol
    >>> from symentropy.models.continuous import beta_value
    >>> beta_value(Rational(2), Rational(3)), beta_value(Rational(1, 2), Rational(1, 2))
    (1/12, pi)
    >>> beta_value(Symbol("a"), Rational(1, 2))
    beta(a, 1/2)
    """
    a, b = safe_sympify(a), safe_sympify(b)
    if a.is_Rational and b.is_Rational:
        return gamma_function(a) * gamma_function(b) / gamma_function(a + b)
    return beta_function(a, b)


def positive_form(expr: sympy.Expr) -> sympy.Expr:
    """Rewrite a quantity known to be positive with no leading minus sign.

    ``-s**2*(rho**2 - 1)`` becomes ``s**2*(1 - rho**2)``, so that
    :func:`sympy.expand_log` can split off the factors known to be positive.
    Used for determinants of covariance matrices and for the ratios of
    :mod:`symentropy.measures.differential`.

    Examples
    ========

    >>> from sympy import symbols
    >>> from symentropy.models.continuous import positive_form
    >>> s, rho = symbols("s rho")
    >>> positive_form(-s**2*(rho**2 - 1)), positive_form(s**2 - s**2*rho**2)
    (s**2*(1 - rho**2), s**2*(1 - rho**2))
    """
    expr = sympy.factor_terms(sympy.cancel(safe_sympify(expr)))
    if expr.is_Mul and known_sign(expr.as_coeff_Mul()[0]) == -1:
        coefficient, factors = expr.as_coeff_mul()
        for i, factor in enumerate(factors):
            if factor.is_Add:
                return sympy.Mul(-coefficient, *factors[:i], -factor, *factors[i + 1 :])
    return expr


def _print_call(name: str, args: Sequence[sympy.Basic], printer: Any) -> str:
    return f"{name}({', '.join(printer._print(a) for a in args)})"


def _pretty_call(name: str, args: Sequence[sympy.Basic], printer: Any) -> prettyForm:
    form = printer._print_seq(args, "(", ")")
    return prettyForm(*form.left(name))


# ---------------------------------------------------------------------------
# Base classes
# ---------------------------------------------------------------------------


class ContinuousDistribution(GatedSubs, sympy.Basic):
    """A probability distribution with a density, as a sympy object.

    Subclasses provide :attr:`parameters`, :meth:`pdf`, :attr:`support` and
    ``entropy_nats()``, the differential entropy in nats as written in the
    reference (callers canonicalise it).
    """

    @property
    def parameters(self) -> dict[str, sympy.Basic]:
        """The parameters, by name."""
        raise NotImplementedError

    @property
    def support(self) -> sympy.Set:
        """The set outside of which the density is zero."""
        raise NotImplementedError

    def pdf(self, x: Any) -> sympy.Expr:
        """The density at ``x`` (a point of :attr:`support`)."""
        raise NotImplementedError

    def entropy_nats(self) -> sympy.Expr:
        """The differential entropy in nats, as the catalogue writes it (see :func:`differential_entropy`)."""
        raise NotImplementedError

    def affine(self, a: Any, b: Any = 0) -> ContinuousDistribution:
        """Return the distribution of ``a*X + b``; see :func:`affine`."""
        return affine(self, a, b)


class ContinuousFamily(ContinuousDistribution):
    """A univariate parametric family; the parameters are the sympy ``args``."""

    _name: ClassVar[str] = ""
    _names: ClassVar[tuple[str, ...]] = ()
    _domains: ClassVar[tuple[str, ...]] = ()
    _latex_template: ClassVar[str] = ""

    def __new__(cls, *params: Any) -> ContinuousFamily:
        if len(params) != len(cls._names):
            raise TypeError(f"{cls._name} takes {len(cls._names)} parameters, got {len(params)}")
        values = tuple(safe_sympify(p) for p in params)
        for value, name, domain in zip(values, cls._names, cls._domains, strict=True):
            _check_parameter(value, cls._name, name, domain)
        cls._check_relations(*values)
        return sympy.Basic.__new__(cls, *values)

    @classmethod
    def _check_relations(cls, *values: sympy.Expr) -> None:
        """Check relations between parameters (``a < b``); none by default."""

    @classmethod
    def _from_user(cls, *params: Any) -> ContinuousFamily:
        values = [
            _parameter(p, cls._name, n, d) for p, n, d in zip(params, cls._names, cls._domains, strict=True)
        ]
        return cls(*values)

    @property
    def parameters(self) -> dict[str, sympy.Basic]:
        return dict(zip(self._names, self.args, strict=True))

    @property
    def support(self) -> sympy.Set:
        return Interval(-oo, oo)

    def pdf(self, x: Any) -> sympy.Expr:
        return self._pdf(safe_sympify(x), *self.args)

    def _pdf(self, x: sympy.Expr, *params: sympy.Expr) -> sympy.Expr:
        raise NotImplementedError

    def entropy_nats(self) -> sympy.Expr:
        return self._entropy(*self.args)

    def _entropy(self, *params: sympy.Expr) -> sympy.Expr:
        raise NotImplementedError

    def _latex_values(self) -> tuple[sympy.Basic, ...]:
        return self.args

    def _sympystr(self, printer: Any) -> str:
        return _print_call(self._name, self.args, printer)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        text = self._latex_template.format(*(printer._print(v) for v in self._latex_values()))
        return rf"\left({text}\right)^{{{exp}}}" if exp is not None else text

    def _pretty(self, printer: Any) -> prettyForm:
        return _pretty_call(self._name, self.args, printer)


# ---------------------------------------------------------------------------
# The families.  ``_entropy`` is written as in the reference, with the
# logarithms of the parameters separated (valid on the parameter domain).
# ---------------------------------------------------------------------------


class UniformInterval(ContinuousFamily):
    """Uniform distribution on ``[a, b]``; see :func:`uniform_interval`."""

    _name = "uniform_interval"
    _names = ("a", "b")
    _domains = (_REAL, _REAL)
    _latex_template = r"\mathcal{{U}}({0}, {1})"

    @classmethod
    def _check_relations(cls, a: sympy.Expr, b: sympy.Expr) -> None:
        _require(not _not_positive(b - a), f"uniform_interval: need a < b, got a = {a}, b = {b}")

    @property
    def support(self) -> sympy.Set:
        return Interval(*self.args)

    def _pdf(self, x: sympy.Expr, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        return 1 / (b - a)

    def _entropy(self, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        return log(b - a)


class Normal(ContinuousFamily):
    """Normal distribution; see :func:`normal`."""

    _name = "normal"
    _names = ("mu", "sigma")
    _domains = (_REAL, _POSITIVE)
    _latex_template = r"\mathcal{{N}}({0}, {1})"

    def _latex_values(self) -> tuple[sympy.Basic, ...]:
        return (self.args[0], self.args[1] ** 2)

    def _pdf(self, x: sympy.Expr, mu: sympy.Expr, sigma: sympy.Expr) -> sympy.Expr:
        return exp(-((x - mu) ** 2) / (2 * sigma**2)) / (sigma * sqrt(2 * pi))

    def _entropy(self, mu: sympy.Expr, sigma: sympy.Expr) -> sympy.Expr:
        return log(sigma) + log(2 * pi) / 2 + S.Half


class Exponential(ContinuousFamily):
    """Exponential distribution; see :func:`exponential`."""

    _name = "exponential"
    _names = ("rate",)
    _domains = (_POSITIVE,)
    _latex_template = r"\operatorname{{Exp}}({0})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, rate: sympy.Expr) -> sympy.Expr:
        return rate * exp(-rate * x)

    def _entropy(self, rate: sympy.Expr) -> sympy.Expr:
        return 1 - log(rate)


class Laplace(ContinuousFamily):
    """Laplace distribution; see :func:`laplace`."""

    _name = "laplace"
    _names = ("mu", "b")
    _domains = (_REAL, _POSITIVE)
    _latex_template = r"\operatorname{{Laplace}}({0}, {1})"

    def _pdf(self, x: sympy.Expr, mu: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        return exp(-Abs(x - mu) / b) / (2 * b)

    def _entropy(self, mu: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        return 1 + log(2) + log(b)


class GammaDistribution(ContinuousFamily):
    """Gamma distribution (shape, scale); see :func:`gamma_distribution`."""

    _name = "gamma_distribution"
    _names = ("k", "theta")
    _domains = (_POSITIVE, _POSITIVE)
    _latex_template = r"\operatorname{{Gamma}}({0}, {1})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, k: sympy.Expr, theta: sympy.Expr) -> sympy.Expr:
        return x ** (k - 1) * exp(-x / theta) / (gamma_function(k) * theta**k)

    def _entropy(self, k: sympy.Expr, theta: sympy.Expr) -> sympy.Expr:
        return k + log(theta) + log(gamma_function(k)) + (1 - k) * digamma(k)


class BetaDistribution(ContinuousFamily):
    """Beta distribution; see :func:`beta_distribution`."""

    _name = "beta_distribution"
    _names = ("alpha", "beta")
    _domains = (_POSITIVE, _POSITIVE)
    _latex_template = r"\operatorname{{Beta}}({0}, {1})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, 1)

    def _pdf(self, x: sympy.Expr, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        return x ** (a - 1) * (1 - x) ** (b - 1) / beta_value(a, b)

    def _entropy(self, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        return (
            log(beta_value(a, b)) - (a - 1) * digamma(a) - (b - 1) * digamma(b) + (a + b - 2) * digamma(a + b)
        )


class Cauchy(ContinuousFamily):
    """Cauchy distribution; see :func:`cauchy`."""

    _name = "cauchy"
    _names = ("x0", "gamma")
    _domains = (_REAL, _POSITIVE)
    _latex_template = r"\operatorname{{Cauchy}}({0}, {1})"

    def _pdf(self, x: sympy.Expr, x0: sympy.Expr, g: sympy.Expr) -> sympy.Expr:
        return g / (pi * (g**2 + (x - x0) ** 2))

    def _entropy(self, x0: sympy.Expr, g: sympy.Expr) -> sympy.Expr:
        return log(4 * pi) + log(g)


class Logistic(ContinuousFamily):
    """Logistic distribution; see :func:`logistic`."""

    _name = "logistic"
    _names = ("mu", "s")
    _domains = (_REAL, _POSITIVE)
    _latex_template = r"\operatorname{{Logistic}}({0}, {1})"

    def _pdf(self, x: sympy.Expr, mu: sympy.Expr, s: sympy.Expr) -> sympy.Expr:
        z = exp(-(x - mu) / s)
        return z / (s * (1 + z) ** 2)

    def _entropy(self, mu: sympy.Expr, s: sympy.Expr) -> sympy.Expr:
        return log(s) + 2


class Rayleigh(ContinuousFamily):
    """Rayleigh distribution; see :func:`rayleigh`."""

    _name = "rayleigh"
    _names = ("sigma",)
    _domains = (_POSITIVE,)
    _latex_template = r"\operatorname{{Rayleigh}}({0})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, sigma: sympy.Expr) -> sympy.Expr:
        return x / sigma**2 * exp(-(x**2) / (2 * sigma**2))

    def _entropy(self, sigma: sympy.Expr) -> sympy.Expr:
        return 1 + log(sigma) - log(2) / 2 + EulerGamma / 2


class Chi(ContinuousFamily):
    """Chi distribution; see :func:`chi`."""

    _name = "chi"
    _names = ("k",)
    _domains = (_POSITIVE,)
    _latex_template = r"\chi_{{{0}}}"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, k: sympy.Expr) -> sympy.Expr:
        return x ** (k - 1) * exp(-(x**2) / 2) / (2 ** (k / 2 - 1) * gamma_function(k / 2))

    def _entropy(self, k: sympy.Expr) -> sympy.Expr:
        return log(gamma_function(k / 2)) + (k - log(2) - (k - 1) * digamma(k / 2)) / 2


class ChiSquared(ContinuousFamily):
    """Chi-squared distribution; see :func:`chi_squared`."""

    _name = "chi_squared"
    _names = ("k",)
    _domains = (_POSITIVE,)
    _latex_template = r"\chi^{{2}}_{{{0}}}"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, k: sympy.Expr) -> sympy.Expr:
        return x ** (k / 2 - 1) * exp(-x / 2) / (2 ** (k / 2) * gamma_function(k / 2))

    def _entropy(self, k: sympy.Expr) -> sympy.Expr:
        return k / 2 + log(2) + log(gamma_function(k / 2)) + (1 - k / 2) * digamma(k / 2)


class StudentT(ContinuousFamily):
    """Student's t distribution; see :func:`student_t`."""

    _name = "student_t"
    _names = ("nu",)
    _domains = (_POSITIVE,)
    _latex_template = r"t_{{{0}}}"

    def _pdf(self, x: sympy.Expr, nu: sympy.Expr) -> sympy.Expr:
        return (1 + x**2 / nu) ** (-(nu + 1) / 2) / (sqrt(nu) * beta_value(nu / 2, S.Half))

    def _entropy(self, nu: sympy.Expr) -> sympy.Expr:
        return (
            (nu + 1) / 2 * (digamma((nu + 1) / 2) - digamma(nu / 2))
            + log(nu) / 2
            + log(beta_value(nu / 2, S.Half))
        )


class Weibull(ContinuousFamily):
    """Weibull distribution (scale, shape); see :func:`weibull`."""

    _name = "weibull"
    _names = ("lambda", "k")
    _domains = (_POSITIVE, _POSITIVE)
    _latex_template = r"\operatorname{{Weibull}}({0}, {1})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, lam: sympy.Expr, k: sympy.Expr) -> sympy.Expr:
        return k / lam * (x / lam) ** (k - 1) * exp(-((x / lam) ** k))

    def _entropy(self, lam: sympy.Expr, k: sympy.Expr) -> sympy.Expr:
        return EulerGamma * (1 - 1 / k) + log(lam) - log(k) + 1


class Pareto(ContinuousFamily):
    """Pareto distribution (type I); see :func:`pareto`."""

    _name = "pareto"
    _names = ("xm", "alpha")
    _domains = (_POSITIVE, _POSITIVE)
    _latex_template = r"\operatorname{{Pareto}}({0}, {1})"

    @property
    def support(self) -> sympy.Set:
        return Interval(self.args[0], oo)

    def _pdf(self, x: sympy.Expr, xm: sympy.Expr, alpha: sympy.Expr) -> sympy.Expr:
        return alpha * xm**alpha / x ** (alpha + 1)

    def _entropy(self, xm: sympy.Expr, alpha: sympy.Expr) -> sympy.Expr:
        return log(xm) - log(alpha) + 1 / alpha + 1


class LogNormal(ContinuousFamily):
    """Log-normal distribution; see :func:`log_normal`."""

    _name = "log_normal"
    _names = ("mu", "sigma")
    _domains = (_REAL, _POSITIVE)
    _latex_template = r"\operatorname{{Lognormal}}({0}, {1})"

    def _latex_values(self) -> tuple[sympy.Basic, ...]:
        return (self.args[0], self.args[1] ** 2)

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, mu: sympy.Expr, sigma: sympy.Expr) -> sympy.Expr:
        return exp(-((log(x) - mu) ** 2) / (2 * sigma**2)) / (x * sigma * sqrt(2 * pi))

    def _entropy(self, mu: sympy.Expr, sigma: sympy.Expr) -> sympy.Expr:
        return mu + log(sigma) + log(2 * pi) / 2 + S.Half


class MaxwellBoltzmann(ContinuousFamily):
    """Maxwell-Boltzmann distribution; see :func:`maxwell_boltzmann`."""

    _name = "maxwell_boltzmann"
    _names = ("a",)
    _domains = (_POSITIVE,)
    _latex_template = r"\operatorname{{Maxwell}}({0})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, a: sympy.Expr) -> sympy.Expr:
        return sqrt(2 / pi) * x**2 * exp(-(x**2) / (2 * a**2)) / a**3

    def _entropy(self, a: sympy.Expr) -> sympy.Expr:
        return log(a) + log(2 * pi) / 2 + EulerGamma - S.Half


class Gumbel(ContinuousFamily):
    """Gumbel (maximum) distribution; see :func:`gumbel`."""

    _name = "gumbel"
    _names = ("mu", "beta")
    _domains = (_REAL, _POSITIVE)
    _latex_template = r"\operatorname{{Gumbel}}({0}, {1})"

    def _pdf(self, x: sympy.Expr, mu: sympy.Expr, beta: sympy.Expr) -> sympy.Expr:
        z = (x - mu) / beta
        return exp(-(z + exp(-z))) / beta

    def _entropy(self, mu: sympy.Expr, beta: sympy.Expr) -> sympy.Expr:
        return log(beta) + EulerGamma + 1


class GeneralizedNormal(ContinuousFamily):
    """Generalized normal distribution (version 1); see :func:`generalized_normal`."""

    _name = "generalized_normal"
    _names = ("mu", "alpha", "beta")
    _domains = (_REAL, _POSITIVE, _POSITIVE)
    _latex_template = r"\mathcal{{GN}}({0}, {1}, {2})"

    def _pdf(self, x: sympy.Expr, mu: sympy.Expr, alpha: sympy.Expr, beta: sympy.Expr) -> sympy.Expr:
        return beta / (2 * alpha * gamma_function(1 / beta)) * exp(-((Abs(x - mu) / alpha) ** beta))

    def _entropy(self, mu: sympy.Expr, alpha: sympy.Expr, beta: sympy.Expr) -> sympy.Expr:
        return 1 / beta - log(beta) + log(2) + log(alpha) + log(gamma_function(1 / beta))


class HalfNormal(ContinuousFamily):
    """Half-normal distribution; see :func:`half_normal`."""

    _name = "half_normal"
    _names = ("sigma",)
    _domains = (_POSITIVE,)
    _latex_template = r"\operatorname{{HalfNormal}}({0})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, oo)

    def _pdf(self, x: sympy.Expr, sigma: sympy.Expr) -> sympy.Expr:
        return sqrt(2) / (sigma * sqrt(pi)) * exp(-(x**2) / (2 * sigma**2))

    def _entropy(self, sigma: sympy.Expr) -> sympy.Expr:
        return log(sigma) + log(pi / 2) / 2 + S.Half


class Kumaraswamy(ContinuousFamily):
    """Kumaraswamy distribution; see :func:`kumaraswamy`."""

    _name = "kumaraswamy"
    _names = ("a", "b")
    _domains = (_POSITIVE, _POSITIVE)
    _latex_template = r"\operatorname{{Kumaraswamy}}({0}, {1})"

    @property
    def support(self) -> sympy.Set:
        return Interval(0, 1)

    def _pdf(self, x: sympy.Expr, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        return a * b * x ** (a - 1) * (1 - x**a) ** (b - 1)

    def _entropy(self, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
        harmonic_b = digamma(b + 1) + EulerGamma
        return 1 - 1 / b + (1 - 1 / a) * harmonic_b - log(a) - log(b)


class Triangular(ContinuousFamily):
    """Triangular distribution; see :func:`triangular`."""

    _name = "triangular"
    _names = ("a", "b", "c")
    _domains = (_REAL, _REAL, _REAL)
    _latex_template = r"\operatorname{{Triangular}}({0}, {1}, {2})"

    @classmethod
    def _check_relations(cls, a: sympy.Expr, b: sympy.Expr, c: sympy.Expr) -> None:
        _require(not _not_positive(b - a), f"triangular: need a < b, got a = {a}, b = {b}")
        _require(
            not _negative(c - a) and not _negative(b - c),
            f"triangular: need a <= c <= b, got a = {a}, b = {b}, c = {c}",
        )

    @property
    def support(self) -> sympy.Set:
        return Interval(self.args[0], self.args[1])

    def _pdf(self, x: sympy.Expr, a: sympy.Expr, b: sympy.Expr, c: sympy.Expr) -> sympy.Expr:
        rising = 2 * (x - a) / ((b - a) * (c - a))
        falling = 2 * (b - x) / ((b - a) * (b - c))
        if _zero(c - a):
            return falling
        if _zero(b - c):
            return rising
        return Piecewise((rising, x < c), (falling, True))

    def _entropy(self, a: sympy.Expr, b: sympy.Expr, c: sympy.Expr) -> sympy.Expr:
        return S.Half + log(b - a) - log(2)


# ---------------------------------------------------------------------------
# Constructors
# ---------------------------------------------------------------------------


def uniform_interval(a: Any, b: Any) -> UniformInterval:
    """Uniform distribution on the interval ``[a, b]``, ``a < b``.

    Explanation
    ===========

    Density ``1/(b - a)`` on ``[a, b]``.  Differential entropy
    ``h = log(b - a)`` (Cover & Thomas, 2nd ed., Example 8.1.1).

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy.models.continuous import uniform_interval
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(uniform_interval(0, Symbol("a", positive=True)))
    log(a)
    >>> differential_entropy(uniform_interval("a", "b"))
    log(-a + b)

    Parameters
    ==========

    a, b : real
        The end points; ``a < b`` is checked when it can be decided.

    References
    ==========

    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, Example 8.1.1.
    """
    return UniformInterval._from_user(a, b)


def normal(mu: Any, sigma: Any) -> Normal:
    """Normal distribution with mean ``mu`` and *standard deviation* ``sigma``.

    Explanation
    ===========

    Density ``exp(-(x - mu)**2/(2*sigma**2))/(sigma*sqrt(2*pi))``.
    Differential entropy ``h = log(2*pi*e*sigma**2)/2`` (Cover & Thomas,
    2nd ed., Example 8.1.2), returned as ``log(sigma) + log(2)/2 + log(pi)/2 + 1/2``.

    Examples
    ========

    >>> from symentropy.models.continuous import normal
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(normal(0, "sigma"))
    log(sigma) + log(2)/2 + 1/2 + log(pi)/2

    Parameters
    ==========

    mu : real
        The mean.
    sigma : positive
        The standard deviation (not the variance).

    References
    ==========

    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, Example 8.1.2.
    """
    return Normal._from_user(mu, sigma)


def exponential(rate: Any) -> Exponential:
    """Exponential distribution with the given ``rate`` (mean ``1/rate``).

    Explanation
    ===========

    Density ``rate*exp(-rate*x)`` on ``[0, oo)``.  Differential entropy
    ``h = 1 - log(rate)`` (Cover & Thomas, 2nd ed., Problem 8.1(a) and
    Table 17.1; Lazo and Rathie 1978).

    Examples
    ========

    >>> from symentropy.models.continuous import exponential
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(exponential("lambda"))
    1 - log(lambda)

    Parameters
    ==========

    rate : positive
        The rate ``lambda``.

    References
    ==========

    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, Problem 8.1 and Table 17.1.
    .. [2] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Exponential._from_user(rate)


def laplace(mu: Any, b: Any) -> Laplace:
    """Laplace (double exponential) distribution with location ``mu`` and scale ``b``.

    Explanation
    ===========

    Density ``exp(-|x - mu|/b)/(2*b)``.  Differential entropy
    ``h = log(2*e*b) = 1 + log(2) + log(b)`` (Cover & Thomas, 2nd ed.,
    Problem 8.1(b), where the rate is ``lambda = 1/b``; Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import laplace
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(laplace(0, "b"))
    log(b) + log(2) + 1

    Parameters
    ==========

    mu : real
        The location (mean and median).
    b : positive
        The scale; the variance is ``2*b**2``.

    References
    ==========

    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, Problem 8.1 and Table 17.1.
    """
    return Laplace._from_user(mu, b)


def gamma_distribution(k: Any, theta: Any) -> GammaDistribution:
    """Gamma distribution with shape ``k`` and *scale* ``theta`` (mean ``k*theta``).

    Explanation
    ===========

    Density ``x**(k-1)*exp(-x/theta)/(Gamma(k)*theta**k)`` on ``[0, oo)``
    (the parameterisation of ``sympy.stats.Gamma``; for a rate ``beta`` use
    ``theta = 1/beta``).  Differential entropy
    ``h = k + log(theta) + log(Gamma(k)) + (1 - k)*digamma(k)``
    (Lazo and Rathie 1978; Cover & Thomas, 2nd ed., Table 17.1).

    The name avoids shadowing :func:`sympy.gamma`.

    Examples
    ========

    >>> from symentropy.models.continuous import gamma_distribution
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(gamma_distribution("k", "theta"))
    k + (1 - k)*polygamma(0, k) + log(theta) + log(gamma(k))
    >>> differential_entropy(gamma_distribution(1, 1))   # exponential(1)
    1

    Parameters
    ==========

    k : positive
        The shape.
    theta : positive
        The scale.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    .. [2] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, Table 17.1.
    """
    return GammaDistribution._from_user(k, theta)


def beta_distribution(alpha: Any, beta: Any) -> BetaDistribution:
    """Beta distribution on ``[0, 1]`` with shapes ``alpha`` and ``beta``.

    Explanation
    ===========

    Density ``x**(alpha-1)*(1-x)**(beta-1)/B(alpha, beta)``.  Differential
    entropy ``h = log B(alpha, beta) - (alpha - 1)*digamma(alpha)
    - (beta - 1)*digamma(beta) + (alpha + beta - 2)*digamma(alpha + beta)``
    (Lazo and Rathie 1978; Cover & Thomas, 2nd ed., Table 17.1).  For
    numeric shapes ``B`` is written with gamma functions, so that it
    evaluates.  The name avoids shadowing :func:`sympy.beta`.

    Examples
    ========

    >>> from symentropy.models.continuous import beta_distribution
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(beta_distribution(2, 2))
    -log(3) - log(2) + 5/3

    ``beta_distribution(1, 1)`` is the uniform distribution on ``[0, 1]``:

    >>> differential_entropy(beta_distribution(1, 1))
    0

    Parameters
    ==========

    alpha, beta : positive
        The shapes.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return BetaDistribution._from_user(alpha, beta)


def cauchy(x0: Any, gamma: Any) -> Cauchy:
    """Cauchy distribution with location ``x0`` and scale (half width) ``gamma``.

    Explanation
    ===========

    Density ``gamma/(pi*(gamma**2 + (x - x0)**2))``.  Differential entropy
    ``h = log(4*pi*gamma)`` (Lazo and Rathie 1978; Cover & Thomas, 2nd ed.,
    Table 17.1).  ``sympy.stats.entropy`` returns ``nan`` here.

    Examples
    ========

    >>> from symentropy.models.continuous import cauchy
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(cauchy(0, 1))
    log(pi) + 2*log(2)

    Parameters
    ==========

    x0 : real
        The location (median).
    gamma : positive
        The scale.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Cauchy._from_user(x0, gamma)


def logistic(mu: Any, s: Any) -> Logistic:
    """Logistic distribution with location ``mu`` and scale ``s``.

    Explanation
    ===========

    Density ``exp(-(x - mu)/s)/(s*(1 + exp(-(x - mu)/s))**2)``.  Differential
    entropy ``h = log(s) + 2`` (Lazo and Rathie 1978; Cover & Thomas,
    2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import logistic
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(logistic(0, "s"))
    log(s) + 2

    Parameters
    ==========

    mu : real
        The location.
    s : positive
        The scale; the variance is ``pi**2*s**2/3``.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Logistic._from_user(mu, s)


def rayleigh(sigma: Any) -> Rayleigh:
    """Rayleigh distribution with scale ``sigma``.

    Explanation
    ===========

    Density ``x/sigma**2*exp(-x**2/(2*sigma**2))`` on ``[0, oo)``.
    Differential entropy ``h = 1 + log(sigma/sqrt(2)) + EulerGamma/2``
    (Lazo and Rathie 1978; Cover & Thomas, 2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import rayleigh
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(rayleigh("sigma"))
    log(sigma) - log(2)/2 + EulerGamma/2 + 1

    Parameters
    ==========

    sigma : positive
        The scale (the mode).

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Rayleigh._from_user(sigma)


def chi(k: Any) -> Chi:
    """Chi distribution with ``k`` degrees of freedom (the norm of ``k`` standard normals).

    Explanation
    ===========

    Density ``x**(k-1)*exp(-x**2/2)/(2**(k/2 - 1)*Gamma(k/2))`` on ``[0, oo)``.
    Differential entropy
    ``h = log(Gamma(k/2)) + (k - log(2) - (k - 1)*digamma(k/2))/2``
    (Lazo and Rathie 1978; Cover & Thomas, 2nd ed., Table 17.1, with
    ``sigma = 1``).  ``k`` need not be an integer.

    Examples
    ========

    >>> from symentropy.models.continuous import chi
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(chi(1))   # the half-normal with sigma = 1
    -log(2)/2 + 1/2 + log(pi)/2

    Parameters
    ==========

    k : positive
        The degrees of freedom.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Chi._from_user(k)


def chi_squared(k: Any) -> ChiSquared:
    """Chi-squared distribution with ``k`` degrees of freedom.

    Explanation
    ===========

    Density ``x**(k/2 - 1)*exp(-x/2)/(2**(k/2)*Gamma(k/2))`` on ``[0, oo)``.
    Differential entropy ``h = k/2 + log(2*Gamma(k/2)) + (1 - k/2)*digamma(k/2)``
    (Lazo and Rathie 1978; Cover & Thomas, 2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import chi_squared
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(chi_squared(2))   # exponential(1/2)
    log(2) + 1

    Parameters
    ==========

    k : positive
        The degrees of freedom.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return ChiSquared._from_user(k)


def student_t(nu: Any) -> StudentT:
    """Student's t distribution with ``nu`` degrees of freedom (location 0, scale 1).

    Explanation
    ===========

    Density ``(1 + x**2/nu)**(-(nu + 1)/2)/(sqrt(nu)*B(nu/2, 1/2))``.
    Differential entropy ``h = (nu + 1)/2*(digamma((nu + 1)/2) - digamma(nu/2))
    + log(sqrt(nu)*B(nu/2, 1/2))`` (Lazo and Rathie 1978; Cover & Thomas,
    2nd ed., Table 17.1).  For a location and scale use
    ``student_t(nu).affine(scale, location)``.

    Examples
    ========

    >>> from symentropy.models.continuous import student_t
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(student_t(1))   # the standard Cauchy
    log(pi) + 2*log(2)

    Parameters
    ==========

    nu : positive
        The degrees of freedom.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return StudentT._from_user(nu)


def weibull(lam: Any, k: Any) -> Weibull:
    """Weibull distribution with scale ``lam`` and shape ``k``.

    Explanation
    ===========

    Density ``k/lam*(x/lam)**(k-1)*exp(-(x/lam)**k)`` on ``[0, oo)`` (the
    order of ``sympy.stats.Weibull(name, alpha, beta)``: scale, then shape).
    Differential entropy ``h = EulerGamma*(1 - 1/k) + log(lam/k) + 1``
    (Lazo and Rathie 1978; Cover & Thomas, 2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import weibull
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(weibull("lam", 1))   # exponential(1/lam)
    log(lam) + 1

    Parameters
    ==========

    lam : positive
        The scale.
    k : positive
        The shape.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Weibull._from_user(lam, k)


def pareto(xm: Any, alpha: Any) -> Pareto:
    """Pareto (type I) distribution with scale ``xm`` (the minimum) and shape ``alpha``.

    Explanation
    ===========

    Density ``alpha*xm**alpha/x**(alpha + 1)`` on ``[xm, oo)``.  Differential
    entropy ``h = log(xm/alpha) + 1/alpha + 1`` (Lazo and Rathie 1978;
    Cover & Thomas, 2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import pareto
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(pareto(1, "alpha"))
    -log(alpha) + 1 + 1/alpha

    Parameters
    ==========

    xm : positive
        The scale: the left end of the support.
    alpha : positive
        The shape (tail index).

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Pareto._from_user(xm, alpha)


def log_normal(mu: Any, sigma: Any) -> LogNormal:
    """Log-normal distribution: ``log(X)`` is normal with mean ``mu`` and standard deviation ``sigma``.

    Explanation
    ===========

    Density ``exp(-(log(x) - mu)**2/(2*sigma**2))/(x*sigma*sqrt(2*pi))`` on
    ``(0, oo)``.  Differential entropy
    ``h = mu + log(2*pi*e*sigma**2)/2`` (Lazo and Rathie 1978; Cover &
    Thomas, 2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import log_normal
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(log_normal("mu", 1))
    mu + log(2)/2 + 1/2 + log(pi)/2

    Parameters
    ==========

    mu : real
        The mean of ``log(X)``.
    sigma : positive
        The standard deviation of ``log(X)``.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return LogNormal._from_user(mu, sigma)


def maxwell_boltzmann(a: Any) -> MaxwellBoltzmann:
    """Maxwell-Boltzmann distribution with scale ``a`` (the norm of three ``normal(0, a)``).

    Explanation
    ===========

    Density ``sqrt(2/pi)*x**2*exp(-x**2/(2*a**2))/a**3`` on ``[0, oo)``.
    Differential entropy ``h = log(a*sqrt(2*pi)) + EulerGamma - 1/2``
    (Lazo and Rathie 1978; Cover & Thomas, 2nd ed., Table 17.1, with
    ``beta = 1/(2*a**2)``).

    Examples
    ========

    >>> from symentropy.models.continuous import maxwell_boltzmann
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(maxwell_boltzmann(1))
    -1/2 + log(2)/2 + log(pi)/2 + EulerGamma

    Parameters
    ==========

    a : positive
        The scale.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return MaxwellBoltzmann._from_user(a)


def gumbel(mu: Any, beta: Any) -> Gumbel:
    """Gumbel (type I extreme value, maximum) distribution with location ``mu`` and scale ``beta``.

    Explanation
    ===========

    Density ``exp(-(z + exp(-z)))/beta`` with ``z = (x - mu)/beta``.
    Differential entropy ``h = log(beta) + EulerGamma + 1`` (Michalowicz,
    Nichols and Bucholtz 2013; it follows from ``-log f = log(beta) + z +
    exp(-z)`` with ``E[z] = EulerGamma`` and ``E[exp(-z)] = 1``).  Note the
    order: ``sympy.stats.Gumbel`` takes ``(beta, mu)``.  The minimum form is
    ``gumbel(-mu, beta).affine(-1)``.

    Examples
    ========

    >>> from symentropy.models.continuous import gumbel
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(gumbel(0, 1))
    EulerGamma + 1

    Parameters
    ==========

    mu : real
        The location (the mode).
    beta : positive
        The scale.

    References
    ==========

    .. [1] J. V. Michalowicz, J. M. Nichols and F. Bucholtz, *Handbook of
       Differential Entropy*, CRC Press, 2013.
    """
    return Gumbel._from_user(mu, beta)


def generalized_normal(mu: Any, alpha: Any, beta: Any) -> GeneralizedNormal:
    """Generalized normal (exponential power) distribution: location ``mu``, scale ``alpha``, shape ``beta``.

    Explanation
    ===========

    Density ``beta/(2*alpha*Gamma(1/beta))*exp(-(|x - mu|/alpha)**beta)``;
    ``beta = 2`` is ``normal(mu, alpha/sqrt(2))`` and ``beta = 1`` is
    ``laplace(mu, alpha)``.  Differential entropy
    ``h = 1/beta - log(beta/(2*alpha*Gamma(1/beta)))`` (Lazo and Rathie 1978;
    Cover & Thomas, 2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import generalized_normal
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(generalized_normal(0, "alpha", 1))   # laplace(0, alpha)
    log(alpha) + log(2) + 1

    Parameters
    ==========

    mu : real
        The location.
    alpha : positive
        The scale.
    beta : positive
        The shape.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return GeneralizedNormal._from_user(mu, alpha, beta)


def half_normal(sigma: Any) -> HalfNormal:
    """Half-normal distribution: ``|Y|`` for ``Y`` ``normal(0, sigma)``.

    Explanation
    ===========

    Density ``sqrt(2)/(sigma*sqrt(pi))*exp(-x**2/(2*sigma**2))`` on ``[0, oo)``.
    Differential entropy ``h = log(pi*e*sigma**2/2)/2`` (Michalowicz,
    Nichols and Bucholtz 2013): one bit less than the normal's, since folding
    halves the density's support and doubles the density.

    Examples
    ========

    >>> from symentropy.models.continuous import half_normal
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(half_normal("sigma"))
    log(sigma) - log(2)/2 + 1/2 + log(pi)/2

    Parameters
    ==========

    sigma : positive
        The scale of the folded normal.

    References
    ==========

    .. [1] J. V. Michalowicz, J. M. Nichols and F. Bucholtz, *Handbook of
       Differential Entropy*, CRC Press, 2013.
    """
    return HalfNormal._from_user(sigma)


def kumaraswamy(a: Any, b: Any) -> Kumaraswamy:
    """Kumaraswamy distribution on ``[0, 1]`` with shapes ``a`` and ``b``.

    Explanation
    ===========

    Density ``a*b*x**(a-1)*(1 - x**a)**(b-1)``.  Differential entropy
    ``h = (1 - 1/b) + (1 - 1/a)*H_b - log(a*b)`` where
    ``H_b = digamma(b + 1) + EulerGamma`` is the harmonic number.  It follows
    from ``-log f = -log(a*b) - (a - 1)*log(X) - (b - 1)*log(1 - X**a)``:
    ``X**a`` is ``beta_distribution(1, b)``, so ``E[log(X)] = -H_b/a`` and
    ``E[log(1 - X**a)] = -1/b``.  The distribution and its moments are
    described by Jones (2009).

    Examples
    ========

    >>> from symentropy.models.continuous import kumaraswamy
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(kumaraswamy(1, 1))
    0

    Parameters
    ==========

    a, b : positive
        The shapes.

    References
    ==========

    .. [1] M. C. Jones, "Kumaraswamy's distribution: a beta-type distribution
       with some tractability advantages", Statistical Methodology 6(1), 2009,
       70-81.
    """
    return Kumaraswamy._from_user(a, b)


def triangular(a: Any, b: Any, c: Any) -> Triangular:
    """Triangular distribution on ``[a, b]`` with mode ``c``, ``a <= c <= b``.

    Explanation
    ===========

    The order of ``sympy.stats.Triangular(name, a, b, c)``.  Differential
    entropy ``h = 1/2 + log((b - a)/2)``, whatever the mode (Lazo and Rathie
    1978; Cover & Thomas, 2nd ed., Table 17.1).

    Examples
    ========

    >>> from symentropy.models.continuous import triangular
    >>> from symentropy.measures.differential import differential_entropy
    >>> differential_entropy(triangular(0, 2, 1))
    1/2

    Parameters
    ==========

    a, b : real
        The end points of the support.
    c : real
        The mode.

    References
    ==========

    .. [1] A. V. Lazo and P. Rathie, "On the entropy of continuous probability
       distributions", IEEE Trans. Inf. Theory 24(1), 1978, 120-122.
    """
    return Triangular._from_user(a, b, c)


# ---------------------------------------------------------------------------
# Affine transforms
# ---------------------------------------------------------------------------


class Affine(ContinuousDistribution):
    """The distribution of ``a*X + b`` for a univariate ``X``; see :func:`affine`."""

    def __new__(cls, base: ContinuousDistribution, a: sympy.Expr, b: sympy.Expr) -> Affine:
        if not isinstance(base, ContinuousDistribution) or isinstance(base, (MultivariateNormal, Affine)):
            raise TypeError(f"Affine needs a univariate distribution that is not itself affine, got {base!r}")
        a, b = safe_sympify(a), safe_sympify(b)
        _check_parameter(a, "affine", "a", _REAL)
        _check_parameter(b, "affine", "b", _REAL)
        if _zero(a):
            raise DistributionError("affine: the scale a must not be 0 (a*X would have no density)")
        return sympy.Basic.__new__(cls, base, a, b)

    @property
    def base(self) -> ContinuousDistribution:
        """The distribution of ``X``."""
        return self.args[0]

    @property
    def parameters(self) -> dict[str, sympy.Basic]:
        return {"X": self.args[0], "a": self.args[1], "b": self.args[2]}

    @property
    def support(self) -> sympy.Set:
        base, a, b = self.args
        inner = base.support
        if inner == Interval(-oo, oo):
            return inner
        lo, hi = a * inner.start + b, a * inner.end + b
        sign = _number_sign(a) if a.is_number else known_sign(a)
        if sign == 1:
            return Interval(lo, hi)
        if sign == -1:
            return Interval(hi, lo)
        return Interval(sympy.Min(lo, hi), sympy.Max(lo, hi))

    def pdf(self, x: Any) -> sympy.Expr:
        base, a, b = self.args
        return base.pdf((safe_sympify(x) - b) / a) / Abs(a)

    @property
    def entropy_shift(self) -> sympy.Expr:
        """``log|a|``: what the map adds to the differential entropy."""
        return log(Abs(self.args[1]))

    def entropy_nats(self) -> sympy.Expr:
        return self.base.entropy_nats() + self.entropy_shift

    def _sympystr(self, printer: Any) -> str:
        return _print_call("affine", self.args, printer)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        base, a, b = self.args
        if a in (1, -1):
            scale = "" if a == 1 else "-"
        elif a.is_Number:
            scale = printer._print(a) + " "
        else:
            scale = printer.parenthesize(a, PRECEDENCE["Mul"]) + " "
        text = scale + printer._print(base)
        if b.could_extract_minus_sign():
            text += " - " + printer.parenthesize(-b, PRECEDENCE["Add"])
        elif b != 0:
            text += " + " + printer.parenthesize(b, PRECEDENCE["Add"])
        return rf"\left({text}\right)^{{{exp}}}" if exp is not None else text

    def _pretty(self, printer: Any) -> prettyForm:
        return _pretty_call("affine", self.args, printer)


def affine(X: Any, a: Any, b: Any = 0) -> ContinuousDistribution:
    """Return the distribution of ``a*X + b``.

    Explanation
    ===========

    For a univariate ``X`` and real ``a != 0`` the result is an
    :class:`Affine` object with density ``f((y - b)/a)/|a|``, and its
    differential entropy is ``h(X) + log|a|`` (Cover & Thomas, 2nd ed.,
    Sec. 8.6: translation does not change differential entropy, and
    ``h(aX) = h(X) + log|a|``).  Maps compose: ``affine(affine(X, a, b), c, d)``
    is ``affine(X, c*a, c*b + d)``.  For a :class:`MultivariateNormal`,
    ``a`` is a matrix and the result is again a multivariate normal (see
    :meth:`MultivariateNormal.affine`).

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy.models.continuous import affine, exponential
    >>> from symentropy.measures.differential import differential_entropy
    >>> a = Symbol("a")
    >>> Y = affine(exponential(1), a, 3)
    >>> Y
    affine(exponential(1), a, 3)
    >>> differential_entropy(Y)
    log(Abs(a)) + 1

    Parameters
    ==========

    X : ContinuousDistribution
        The distribution of ``X``.
    a : real, nonzero (a matrix for a multivariate normal)
        The scale.
    b : real (a vector for a multivariate normal)
        The shift.

    See Also
    ========

    symentropy.measures.differential.differential_entropy

    References
    ==========

    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, Sec. 8.6.
    """
    if isinstance(X, MultivariateNormal):
        return X.affine(a, b)
    if not isinstance(X, ContinuousDistribution):
        raise TypeError(f"affine needs a continuous distribution, got {X!r}")
    a = _parameter(a, "affine", "a", _REAL)
    b = _parameter(b, "affine", "b", _REAL)
    if isinstance(X, Affine):
        inner, a0, b0 = X.args
        return Affine(inner, a * a0, a * b0 + b)
    return Affine(X, a, b)


# ---------------------------------------------------------------------------
# Densities given by an expression
# ---------------------------------------------------------------------------


def _as_interval(support: Any) -> Interval:
    if isinstance(support, (tuple, list)) and len(support) == 2:
        infinities = {"oo": oo, "-oo": -oo}
        lo, hi = (
            infinities[v.strip()]
            if isinstance(v, str) and v.strip() in infinities
            else _parameter(v, "density", "support end", _REAL)
            for v in support
        )
        if _not_positive(hi - lo):
            raise DistributionError(f"density: the support ({lo}, {hi}) has no length")
        support = Interval(lo, hi)
    if support == sympy.Reals:
        return Interval(-oo, oo)
    if isinstance(support, Interval):
        return support
    raise TypeError(f"a support is an Interval, sympy.Reals or a pair (a, b); got {support!r}")


class Density(ContinuousDistribution):
    """A density given as an expression; see :func:`density`."""

    def __new__(cls, function: Lambda, support: Interval) -> Density:
        if not isinstance(function, Lambda) or len(function.variables) != 1:
            raise TypeError(f"Density needs a Lambda of one variable, got {function!r}")
        if not isinstance(support, Interval):
            raise TypeError(f"Density needs an Interval as its support, got {support!r}")
        if function.expr.has(sympy.Float):
            as_exact(function.expr, what="the density")  # raises InexactInputError, with the advice
        if _not_positive(support.end - support.start):
            raise DistributionError(f"density: the support {support} has no length")
        return sympy.Basic.__new__(cls, function, support)

    @property
    def function(self) -> Lambda:
        """The density as a ``Lambda``."""
        return self.args[0]

    @property
    def parameters(self) -> dict[str, sympy.Basic]:
        """The free symbols of the density, by name."""
        return {s.name: s for s in sorted(self.free_symbols, key=str)}

    @property
    def support(self) -> sympy.Set:
        return self.args[1]

    def pdf(self, x: Any) -> sympy.Expr:
        return self.args[0](safe_sympify(x))

    def entropy_nats(self) -> sympy.Expr:
        raise NotImplementedError("a Density has no closed form of its own; use differential_entropy")

    def _sympystr(self, printer: Any) -> str:
        function, support = self.args
        return _print_call("density", (function.expr, function.variables[0], support), printer)

    def _latex(self, printer: Any, exp: Any = None) -> str:
        function, support = self.args
        return rf"f({printer._print(function.variables[0])}) = {printer._print(function.expr)}" + (
            rf" \text{{ on }} {printer._print(support)}"
        )


def density(expr: Any, x: sympy.Symbol, support: Any = (-oo, oo)) -> Density:
    """A distribution given by its density ``expr`` in the variable ``x`` on ``support``.

    Explanation
    ===========

    The density is zero outside ``support`` (an ``Interval``, ``sympy.Reals``
    or a pair ``(a, b)``; ``-oo`` and ``oo`` are allowed).  The expression must
    be exact.  Normalisation is not checked here (it may depend on symbols);
    :func:`symentropy.measures.differential.differential_entropy` checks it when it
    integrates numerically.

    Examples
    ========

    >>> from sympy import Symbol
    >>> from symentropy.models.continuous import density
    >>> from symentropy.measures.differential import differential_entropy
    >>> x = Symbol("x")
    >>> f = density(2*x, x, (0, 1))
    >>> f
    density(2*x, x, Interval(0, 1))
    >>> f.pdf(Symbol("t"))
    2*t
    >>> differential_entropy(f)
    1/2 - log(2)

    Parameters
    ==========

    expr : sympy expression
        The density on the support.
    x : Symbol
        The variable of ``expr``.
    support : Interval or pair
        Where the density is positive.
    """
    if not isinstance(x, sympy.Symbol):
        raise TypeError(f"density needs a Symbol as its variable, got {x!r}")
    value = as_exact(expr, what="density")
    return Density(Lambda(x, value), _as_interval(support))


# ---------------------------------------------------------------------------
# Multivariate normal
# ---------------------------------------------------------------------------


def _only_expressions(value: Any) -> bool:
    """Whether nested lists and Tuples hold sympy expressions only."""
    if isinstance(value, (list, tuple, sympy.Tuple)):
        return all(_only_expressions(v) for v in value)
    return isinstance(value, sympy.Expr)


def _as_matrix(value: Any, what: str) -> sympy.ImmutableMatrix:
    if isinstance(value, (str, bytes, Mapping, set, frozenset)):
        raise TypeError(f"{what} must be a matrix (a list of rows), got {value!r}")
    if not isinstance(value, sympy.MatrixBase):
        value = safe_sympify(value)  # every entry through the safe grammar, never sympy's parser
        if not _only_expressions(value):
            raise TypeError(f"{what} must hold numbers or expressions, got {value!r}")
    try:
        matrix = sympy.ImmutableMatrix(value)
    except (TypeError, ValueError) as error:
        raise DistributionError(f"{what} must be a matrix, got {value!r}") from error
    if not all(isinstance(entry, sympy.Expr) for entry in matrix):
        raise TypeError(f"{what} must hold numbers or expressions, got {value!r}")
    if matrix.has(sympy.Float):
        for entry in matrix:
            as_exact(entry, what=what)  # raises InexactInputError for the float, with the advice
    return matrix


def _positive_definite(matrix: sympy.Matrix) -> bool | None:
    """Whether a symmetric matrix is positive definite; None when undecided.

    A matrix of numbers is decided exactly by Sylvester's criterion (every
    leading principal minor positive), each minor's sign by
    :func:`~symentropy.kernel.numeric.known_sign`; a matrix with symbols by
    sympy's ``is_positive_definite``.
    """
    if matrix.free_symbols:
        return matrix.is_positive_definite
    undecided = False
    for k in range(1, matrix.rows + 1):
        sign = _number_sign(matrix[:k, :k].det())
        if sign is None:
            undecided = True
        elif sign <= 0:
            return False
    return None if undecided else True


class MultivariateNormal(ContinuousDistribution):
    """A normal random vector; see :func:`multivariate_normal`."""

    def __new__(cls, mean: sympy.ImmutableMatrix, covariance: sympy.ImmutableMatrix) -> MultivariateNormal:
        mean = _as_matrix(mean, "the mean")
        covariance = _as_matrix(covariance, "the covariance matrix")
        n = covariance.rows
        if covariance.cols != n or n == 0:
            raise DistributionError(
                f"the covariance matrix must be square and nonempty, got shape {covariance.shape}"
            )
        if mean.shape != (n, 1):
            raise DistributionError(f"the mean must be a column of length {n}, got shape {mean.shape}")
        for i in range(n):
            for j in range(i + 1, n):
                if _zero(covariance[i, j] - covariance[j, i]) is False:
                    raise DistributionError(
                        f"the covariance matrix must be symmetric; entry ({i}, {j}) is {covariance[i, j]} "
                        f"but ({j}, {i}) is {covariance[j, i]}"
                    )
            if _not_positive(covariance[i, i]):
                raise DistributionError(
                    f"a variance must be positive; entry ({i}, {i}) is {covariance[i, i]}"
                )
        if _positive_definite(covariance) is False:
            singular = _zero(covariance.det())
            detail = "it is singular (a degenerate normal has no density)" if singular else "it is not"
            raise DistributionError(
                f"the covariance matrix must be positive definite; {detail}: {covariance.tolist()}"
            )
        return sympy.Basic.__new__(cls, mean, covariance)

    @property
    def mean(self) -> sympy.ImmutableMatrix:
        """The mean vector (a column)."""
        return self.args[0]

    @property
    def covariance(self) -> sympy.ImmutableMatrix:
        """The covariance matrix ``K``."""
        return self.args[1]

    @property
    def dimension(self) -> int:
        """The number ``n`` of coordinates."""
        return self.args[1].rows

    @property
    def parameters(self) -> dict[str, sympy.Basic]:
        return {"mean": self.args[0], "covariance": self.args[1]}

    @property
    def support(self) -> sympy.Set:
        return sympy.Reals**self.dimension

    def pdf(self, x: Any) -> sympy.Expr:
        """The density at the point ``x`` (a sequence or column of ``n`` entries)."""
        point = _as_matrix(x, "the point")
        if point.shape == (1, self.dimension):
            point = point.T
        if point.shape != (self.dimension, 1):
            raise DistributionError(f"the point must have {self.dimension} coordinates, got {point.shape}")
        centred = point - self.mean
        quadratic = (centred.T * self.covariance.inv() * centred)[0, 0]
        return exp(-quadratic / 2) / sqrt((2 * pi) ** self.dimension * self.covariance.det())

    def entropy_nats(self) -> sympy.Expr:
        n = self.dimension
        return log(positive_form(self.covariance.det())) / 2 + n * log(2 * pi) / 2 + sympy.Rational(n, 2)

    def indices(self, block: Any) -> tuple[int, ...]:
        """Validate a block of coordinates (an ``int`` or a sequence of them)."""
        items = (block,) if isinstance(block, int) else tuple(block)
        for i in items:
            if isinstance(i, bool) or not isinstance(i, (int, sympy.Integer)):
                raise TypeError(f"a coordinate index is an int, got {i!r}")
            if not 0 <= int(i) < self.dimension:
                raise UnknownVariableError(
                    f"index {i} is not a coordinate of this {self.dimension}-dimensional normal vector"
                )
        return tuple(int(i) for i in items)

    def marginal(self, block: Any) -> MultivariateNormal:
        """The distribution of the coordinates in ``block`` (indices from 0), in that order."""
        items = list(self.indices(block))
        if not items:
            raise DistributionError("a marginal needs at least one coordinate")
        return MultivariateNormal(self.mean.extract(items, [0]), self.covariance.extract(items, items))

    def affine(self, a: Any, b: Any = None) -> MultivariateNormal:
        """The distribution of ``A*X + b``: ``multivariate_normal(A*K*A.T, mean=A*mu + b)``.

        ``A`` may have fewer rows than columns (sums, differences, marginals)
        as long as ``A*K*A.T`` is nonsingular.  For a square ``A``, the entropy
        grows by ``log|det A|`` (Cover & Thomas, 2nd ed., Sec. 8.6).
        """
        matrix = _as_matrix(a, "the matrix A")
        if matrix.cols != self.dimension:
            raise DistributionError(f"A must have {self.dimension} columns, got shape {matrix.shape}")
        shift = (
            sympy.zeros(matrix.rows, 1) if b is None else _as_matrix(b, "the shift b").reshape(matrix.rows, 1)
        )
        return MultivariateNormal(matrix * self.mean + shift, matrix * self.covariance * matrix.T)

    def _sympystr(self, printer: Any) -> str:
        covariance = f"Matrix({printer._print(self.covariance.tolist())})"
        if all(entry.is_zero for entry in self.mean):
            return f"multivariate_normal({covariance})"
        return f"multivariate_normal({covariance}, mean={printer._print(list(self.mean))})"

    def _latex(self, printer: Any, exp: Any = None) -> str:
        mean, covariance = printer._print(self.mean), printer._print(self.covariance)
        return rf"\mathcal{{N}}_{{{self.dimension}}}({mean}, {covariance})"


def multivariate_normal(K: Any, *, mean: Any = None) -> MultivariateNormal:
    """Normal random vector with covariance matrix ``K`` (and mean 0 unless ``mean=`` is given).

    Explanation
    ===========

    ``K`` is a symmetric positive definite ``n x n`` matrix, possibly
    symbolic; provably non-symmetric, non-positive-definite or singular
    matrices are refused.  Differential entropy
    ``h = log((2*pi*e)**n*det(K))/2`` (Cover & Thomas, 2nd ed., Theorem 8.4.1).

    Examples
    ========

    >>> from sympy import Matrix, symbols
    >>> from symentropy.models.continuous import multivariate_normal
    >>> from symentropy.measures.differential import differential_entropy
    >>> s, t = symbols("s t", positive=True)
    >>> X = multivariate_normal(Matrix([[s**2, 0], [0, t**2]]))
    >>> X.dimension
    2
    >>> differential_entropy(X)
    log(s) + log(t) + log(2) + 1 + log(pi)

    Parameters
    ==========

    K : square matrix (or nested lists)
        The covariance matrix.
    mean : sequence, optional
        The mean vector; zero by default.

    References
    ==========

    .. [1] T. M. Cover and J. A. Thomas, *Elements of Information Theory*,
       2nd ed., Wiley, 2006, Theorem 8.4.1.
    """
    covariance = _as_matrix(K, "the covariance matrix")
    if mean is None:
        centre = sympy.zeros(covariance.rows, 1)
    else:
        centre = _as_matrix(mean, "the mean")
        if centre.cols != 1:
            centre = centre.reshape(centre.rows * centre.cols, 1)
    return MultivariateNormal(centre, covariance)
