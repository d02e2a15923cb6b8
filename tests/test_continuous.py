"""Continuous families, differential entropy, Gaussian measures and continuous KL divergence.

Every closed form is checked against mpmath quadrature of ``-f log f`` (or
``p log(p/q)``) at two rational parameter points to 20 digits; textbook
results are typed from Cover & Thomas, *Elements of Information Theory*,
2nd ed. (Wiley, 2006), and compared exactly with what symentropy computes
from the stated problem.
"""

from __future__ import annotations

import time

import mpmath
import pytest
import sympy
import sympy.stats as stats
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import (
    Abs,
    E,
    EulerGamma,
    Integral,
    Matrix,
    Piecewise,
    Rational,
    S,
    Symbol,
    exp,
    latex,
    log,
    oo,
    pi,
    sqrt,
    symbols,
)

from symentropy.errors import DistributionError, InexactInputError, InvalidBaseError, UnknownVariableError
from symentropy.measures.differential import (
    NumericEstimate,
    conditional_differential_entropy,
    continuous_kl_divergence,
    differential_entropy,
    gaussian_mutual_information,
)
from symentropy.models.continuous import (
    Affine,
    MultivariateNormal,
    affine,
    beta_distribution,
    cauchy,
    chi,
    chi_squared,
    density,
    exponential,
    gamma_distribution,
    generalized_normal,
    gumbel,
    half_normal,
    kumaraswamy,
    laplace,
    log_normal,
    logistic,
    maxwell_boltzmann,
    multivariate_normal,
    normal,
    pareto,
    rayleigh,
    student_t,
    triangular,
    uniform_interval,
    weibull,
)
from symentropy.models.stats import from_sympy_stats
from tests.test_series import TINY

R = Rational
x = Symbol("x")
DIGITS = 30
TOLERANCE = mpmath.mpf(10) ** -20


def assert_equal(value: sympy.Expr, expected: sympy.Expr) -> None:
    """Assert exact equality: structural, or a difference that simplifies to 0."""
    assert isinstance(value, sympy.Expr)
    assert not value.has(sympy.Float, sympy.nan, sympy.zoo, sympy.I), value
    if value == expected:
        return
    difference = sympy.simplify(value - expected)
    if difference != 0:
        difference = sympy.simplify(sympy.expand_log(difference, force=True))
    assert difference == 0, f"{value} != {expected} (difference {difference})"


def to_mpf(value: sympy.Expr) -> mpmath.mpf:
    """A real sympy number (or +-oo) as an mpmath number with DIGITS + 5 digits."""
    value = sympy.sympify(value)
    if value in (oo, -oo):
        return mpmath.inf if value == oo else -mpmath.inf
    number = sympy.N(value, DIGITS + 5)
    assert number.is_real and number.is_Number, f"{value} does not evaluate to a real number: {number}"
    with mpmath.workdps(DIGITS + 5):
        return mpmath.mpf(str(sympy.Float(number, DIGITS + 5)))


def quad(function, points) -> mpmath.mpf:
    """Tanh-sinh quadrature split at ``points``, at DIGITS digits.

    A finite left end ``a`` is handled by ``x = a + u**2``, which removes the
    power singularities ``(x - a)**(c - 1)`` of gamma, beta and Weibull
    densities with shape below 1.
    """
    with mpmath.workdps(DIGITS):
        ends = [to_mpf(p) for p in points]
        left, right = ends, []
        if ends[0] != -mpmath.inf and ends[-1] != mpmath.inf and len(ends) > 2:
            # both ends finite: the right part too is substituted, x = b - u**2
            middle = len(ends) // 2
            left, right = ends[: middle + 1], ends[middle:]
        if left[0] == -mpmath.inf:
            total = mpmath.quad(function, left)
        else:
            a = left[0]
            total = mpmath.quad(lambda u: 2 * u * function(a + u * u), [mpmath.sqrt(e - a) for e in left])
        if right:
            b = right[-1]
            nodes = [mpmath.sqrt(b - e) for e in reversed(right)]
            total += mpmath.quad(lambda u: 2 * u * function(b - u * u), nodes)
        return total


def quad_entropy(distribution, points, *, check_total: bool = True) -> mpmath.mpf:
    """``-integral f log f``, after checking that ``f`` integrates to 1."""
    f = sympy.lambdify(x, distribution.pdf(x), "mpmath")

    def integrand(t):
        v = f(t)
        return -v * mpmath.log(v) if v > 0 else mpmath.mpf(0)

    if check_total:
        total = quad(f, points)
        assert abs(total - 1) < TOLERANCE, f"{distribution} integrates to {total}"
    return quad(integrand, points)


def quad_kl(p, q, points) -> mpmath.mpf:
    fp = sympy.lambdify(x, p.pdf(x), "mpmath")
    fq = sympy.lambdify(x, q.pdf(x), "mpmath")

    def integrand(t):
        v = fp(t)
        return v * mpmath.log(v / fq(t)) if v > 0 else mpmath.mpf(0)

    return quad(integrand, points)


# ---------------------------------------------------------------------------
# Closed forms against quadrature
# ---------------------------------------------------------------------------

# (constructor, names of the parameters for the symbolic form, two rational points, split points)
FAMILIES = [
    (uniform_interval, ("a", "b"), [(R(-1, 3), R(5, 2)), (2, R(17, 3))], lambda a, b: [a, b]),
    (normal, ("mu", "sigma"), [(R(1, 3), R(5, 2)), (-2, R(1, 7))], lambda m, s: [-oo, m, oo]),
    (exponential, ("rate",), [(R(3, 7),), (5,)], lambda r: [0, 1 / r, oo]),
    (laplace, ("mu", "b"), [(R(-1, 2), R(2, 3)), (3, 4)], lambda m, b: [-oo, m, oo]),
    (
        gamma_distribution,
        ("k", "theta"),
        [(R(1, 2), R(3, 2)), (R(7, 3), R(2, 5))],
        lambda k, t: [0, k * t, oo],
    ),
    (beta_distribution, ("alpha", "beta"), [(R(1, 2), R(3, 2)), (R(5, 2), 4)], lambda a, b: [0, R(1, 2), 1]),
    (cauchy, ("x0", "gamma"), [(R(1, 4), R(2, 3)), (-3, 5)], lambda m, g: [-oo, m, oo]),
    (logistic, ("mu", "s"), [(R(2, 3), R(3, 4)), (-1, 3)], lambda m, s: [-oo, m, oo]),
    (rayleigh, ("sigma",), [(R(2, 3),), (3,)], lambda s: [0, s, oo]),
    (chi, ("k",), [(R(5, 2),), (3,)], lambda k: [0, 1, oo]),
    (chi_squared, ("k",), [(R(3, 2),), (5,)], lambda k: [0, k, oo]),
    (student_t, ("nu",), [(R(5, 2),), (7,)], lambda n: [-oo, 0, oo]),
    (weibull, ("lam", "k"), [(R(3, 2), R(1, 2)), (2, R(7, 2))], lambda lam, k: [0, lam, oo]),
    (pareto, ("xm", "alpha"), [(R(1, 2), R(3, 2)), (2, 5)], lambda xm, a: [xm, 2 * xm, oo]),
    (log_normal, ("mu", "sigma"), [(R(1, 3), R(1, 2)), (-1, R(3, 2))], lambda m, s: [0, exp(m), oo]),
    (maxwell_boltzmann, ("a",), [(R(1, 2),), (R(7, 3),)], lambda a: [0, a, oo]),
    # the left tail is cut where f < exp(-2900): mpmath cannot evaluate exp(-exp(z)) for huge z
    (gumbel, ("mu", "beta"), [(R(1, 5), R(3, 2)), (-2, R(1, 3))], lambda m, b: [m - 8 * b, m, oo]),
    (
        generalized_normal,
        ("mu", "alpha", "beta"),
        [(R(1, 2), R(3, 2), 3), (-1, R(2, 3), R(3, 2))],
        lambda m, a, b: [-oo, m, oo],
    ),
    (half_normal, ("sigma",), [(R(3, 4),), (4,)], lambda s: [0, s, oo]),
    (kumaraswamy, ("a", "b"), [(R(1, 2), 3), (R(5, 2), R(3, 2))], lambda a, b: [0, R(1, 2), 1]),
    (triangular, ("a", "b", "c"), [(-1, 2, R(1, 3)), (0, R(5, 2), R(5, 2))], lambda a, b, c: [a, c, b]),
]
FAMILY_IDS = [constructor.__name__ for constructor, *_ in FAMILIES]


def test_at_least_21_families():
    assert len(FAMILIES) >= 21


@pytest.mark.parametrize("constructor, names, points, splits", FAMILIES, ids=FAMILY_IDS)
def test_closed_form_matches_quadrature(constructor, names, points, splits):
    symbolic = constructor(*names)
    h = differential_entropy(symbolic)
    assert not h.has(sympy.Float, sympy.nan, sympy.zoo, sympy.I, Integral)
    for i, point in enumerate(points):
        numeric = constructor(*point)
        value = h.xreplace(dict(zip(symbolic.args, point, strict=True)))
        expected = quad_entropy(numeric, splits(*point), check_total=i == 0)
        assert abs(to_mpf(value) - expected) < TOLERANCE, (constructor.__name__, point)
        # the closed form of the numeric object is the same number
        assert abs(to_mpf(differential_entropy(numeric)) - expected) < TOLERANCE


# (constructor, p, q, split points)
KL_CASES = [
    (normal, (R(1, 3), R(3, 2)), (-1, R(5, 2)), [-oo, -1, R(1, 3), oo]),
    (normal, (2, R(1, 2)), (R(7, 3), R(1, 3)), [-oo, 2, oo]),
    (log_normal, (R(1, 3), R(1, 2)), (0, 1), [0, 1, oo]),
    (exponential, (R(1, 3),), (2,), [0, 1, oo]),
    (exponential, (5,), (R(2, 7),), [0, 1, oo]),
    (gamma_distribution, (R(3, 2), 2), (R(5, 2), R(1, 3)), [0, 1, 3, oo]),
    (gamma_distribution, (4, R(1, 2)), (R(1, 2), 3), [0, 2, oo]),
    (beta_distribution, (R(3, 2), 2), (R(5, 2), R(3, 4)), [0, R(1, 2), 1]),
    (beta_distribution, (R(3, 4), 3), (2, 2), [0, R(1, 2), 1]),
    (laplace, (R(1, 2), 1), (-1, R(3, 2)), [-oo, -1, R(1, 2), oo]),
    (laplace, (0, R(1, 3)), (2, R(1, 2)), [-oo, 0, 2, oo]),
    (cauchy, (0, 1), (R(3, 2), R(1, 2)), [-oo, 0, R(3, 2), oo]),
    (cauchy, (-1, R(2, 3)), (1, 3), [-oo, -1, 1, oo]),
    (rayleigh, (R(1, 2),), (2,), [0, R(1, 2), oo]),
    (rayleigh, (3,), (R(5, 2),), [0, 3, oo]),
    (half_normal, (R(2, 3),), (R(3, 2),), [0, 1, oo]),
    (half_normal, (3,), (2,), [0, 3, oo]),
    (maxwell_boltzmann, (1,), (R(3, 2),), [0, 1, oo]),
    (maxwell_boltzmann, (R(5, 2),), (R(2, 3),), [0, 2, oo]),
    (chi, (3,), (R(3, 2),), [0, 1, oo]),
    (chi, (R(1, 2),), (4,), [0, 1, oo]),
    (chi_squared, (3,), (R(3, 2),), [0, 2, oo]),
    (chi_squared, (R(5, 2),), (6,), [0, 2, oo]),
    (uniform_interval, (0, 1), (-1, 2), [0, 1]),
    (uniform_interval, (R(1, 3), R(1, 2)), (0, R(1, 2)), [R(1, 3), R(1, 2)]),
    (pareto, (2, 3), (1, R(3, 2)), [2, 4, oo]),
    (pareto, (1, R(5, 2)), (R(1, 2), 4), [1, 2, oo]),
    (weibull, (R(3, 2), 2), (1, R(1, 2)), [0, R(3, 2), oo]),
    (weibull, (2, R(7, 3)), (R(5, 2), 3), [0, 2, oo]),
    (gumbel, (0, 1), (R(1, 2), R(3, 2)), [-8, 0, oo]),
    (gumbel, (R(3, 2), R(1, 2)), (-1, 2), [R(3, 2) - 4, R(3, 2), oo]),
]


@pytest.mark.parametrize(
    "constructor, p, q, splits", KL_CASES, ids=[f"{c.__name__}-{i}" for i, (c, *_) in enumerate(KL_CASES)]
)
def test_kl_closed_form_matches_quadrature(constructor, p, q, splits):
    first, second = constructor(*p), constructor(*q)
    value = continuous_kl_divergence(first, second)
    assert abs(to_mpf(value) - quad_kl(first, second, splits)) < TOLERANCE


def test_kl_is_zero_between_equal_symbolic_members():
    for constructor, names, _, _ in FAMILIES:
        distribution = constructor(*names)
        try:
            value = continuous_kl_divergence(distribution, distribution)
        except NotImplementedError:
            continue
        assert sympy.simplify(value) == 0, (constructor.__name__, value)


def test_kl_families_without_closed_form_raise():
    with pytest.raises(NotImplementedError, match="logistic"):
        continuous_kl_divergence(logistic(0, 1), logistic(1, 1))
    with pytest.raises(NotImplementedError):
        continuous_kl_divergence(normal(0, 1), laplace(0, 1))


def test_kl_support_not_covered_is_infinite():
    assert continuous_kl_divergence(uniform_interval(0, 2), uniform_interval(0, 1)) == oo
    assert continuous_kl_divergence(pareto(1, 2), pareto(2, 2)) == oo
    a = Symbol("a")
    value = continuous_kl_divergence(uniform_interval(a, 1), uniform_interval(0, 1))
    assert isinstance(value, sympy.Piecewise)
    assert value.subs(a, R(1, 2)) == log(2)
    assert value.subs(a, -1) == oo


def test_kl_of_affine_maps_is_invariant():
    p, q = exponential(2), exponential(3)
    assert continuous_kl_divergence(p.affine(-5, 1), q.affine(-5, 1)) == continuous_kl_divergence(p, q)


def test_kl_base_two():
    value = continuous_kl_divergence(uniform_interval(0, 1), uniform_interval(0, 8), base=2)
    assert value == 3


def test_kl_accepts_sympy_stats():
    s = Symbol("s", positive=True)
    value = continuous_kl_divergence(stats.Normal("X", 0, 1), stats.Normal("Y", 0, s))
    assert value == continuous_kl_divergence(normal(0, 1), normal(0, s))


def test_kl_multivariate_normal_reduces_to_univariate():
    m1, m2 = symbols("m1 m2", real=True)
    s1, s2 = symbols("s1 s2", positive=True)
    p = multivariate_normal(Matrix([[s1**2]]), mean=[m1])
    q = multivariate_normal(Matrix([[s2**2]]), mean=[m2])
    assert_equal(continuous_kl_divergence(p, q), continuous_kl_divergence(normal(m1, s1), normal(m2, s2)))


def test_kl_multivariate_normal_independent_coordinates_add():
    p = multivariate_normal(Matrix([[2, 0], [0, R(1, 3)]]), mean=[1, 0])
    q = multivariate_normal(Matrix([[1, 0], [0, 3]]), mean=[0, R(1, 2)])
    expected = continuous_kl_divergence(normal(1, sqrt(2)), normal(0, 1)) + continuous_kl_divergence(
        normal(0, 1 / sqrt(3)), normal(R(1, 2), sqrt(3))
    )
    assert_equal(continuous_kl_divergence(p, q), expected)


def gaussian_expectation(expression, variables, mean, covariance):
    """``E[expression]`` for a polynomial of degree <= 2 in a normal vector, from its first two moments."""
    total = S.Zero
    for powers, coefficient in sympy.Poly(expression, *variables).terms():
        factors = [i for i, k in enumerate(powers) for _ in range(k)]
        if not factors:
            moment = S.One
        elif len(factors) == 1:
            moment = mean[factors[0]]
        else:
            i, j = factors
            moment = covariance[i, j] + mean[i] * mean[j]
        total += coefficient * moment
    return total


def test_kl_multivariate_normal_matches_expected_log_ratio():
    # D(p || q) = E_p[log p(Y) - log q(Y)], with log p - log q taken from the two densities.
    p = multivariate_normal(Matrix([[2, 1], [1, 2]]), mean=[0, 1])
    q = multivariate_normal(Matrix([[1, R(1, 2)], [R(1, 2), 3]]), mean=[1, -1])
    y = symbols("y0 y1", real=True)
    log_ratio = sympy.expand(sympy.expand_log(log(p.pdf(y)) - log(q.pdf(y)), force=True))
    expected = gaussian_expectation(log_ratio, y, p.mean, p.covariance)
    assert_equal(continuous_kl_divergence(p, q), expected)


# ---------------------------------------------------------------------------
# sympy.stats input, and sympy's own failures
# ---------------------------------------------------------------------------

# (sympy.stats constructor, its arguments, our equivalent, a point of the support)
SYMPY_STATS = [
    (stats.Uniform, (R(-1, 2), 3), uniform_interval(R(-1, 2), 3), 1),
    (stats.Normal, (1, R(3, 2)), normal(1, R(3, 2)), R(1, 2)),
    (stats.Exponential, (R(2, 3),), exponential(R(2, 3)), 2),
    (stats.Laplace, (1, 2), laplace(1, 2), -1),
    (stats.Gamma, (R(3, 2), 2), gamma_distribution(R(3, 2), 2), 1),
    (stats.Beta, (2, R(3, 2)), beta_distribution(2, R(3, 2)), R(1, 3)),
    (stats.Cauchy, (1, 2), cauchy(1, 2), 3),
    (stats.Logistic, (1, R(1, 2)), logistic(1, R(1, 2)), 2),
    (stats.Rayleigh, (R(3, 2),), rayleigh(R(3, 2)), 1),
    (stats.Chi, (3,), chi(3), 2),
    (stats.ChiSquared, (5,), chi_squared(5), 3),
    (stats.StudentT, (R(5, 2),), student_t(R(5, 2)), R(1, 2)),
    (stats.Weibull, (2, R(3, 2)), weibull(2, R(3, 2)), 1),
    (stats.Pareto, (2, 3), pareto(2, 3), 3),
    (stats.LogNormal, (R(1, 2), 2), log_normal(R(1, 2), 2), 3),
    (stats.Maxwell, (2,), maxwell_boltzmann(2), 1),
    (stats.Gumbel, (2, 1), gumbel(1, 2), R(1, 2)),
    (stats.Kumaraswamy, (2, 3), kumaraswamy(2, 3), R(1, 2)),
    (stats.Triangular, (0, 3, 1), triangular(0, 3, 1), 2),
]


@pytest.mark.parametrize("make, args, ours, point", SYMPY_STATS, ids=[m.__name__ for m, *_ in SYMPY_STATS])
def test_sympy_stats_maps_to_the_same_distribution(make, args, ours, point):
    variable = make("X", *args)
    assert from_sympy_stats(variable) == ours
    # same parameterisation: the densities agree
    theirs = variable.pspace.distribution.pdf(S(point))  # a Python int would make x**2/2 a float
    assert abs(to_mpf(theirs) - to_mpf(ours.pdf(point))) < TOLERANCE
    assert differential_entropy(variable) == differential_entropy(ours)


def test_sympy_stats_minimum_gumbel_is_a_reflection():
    variable = stats.Gumbel("G", 2, 1, True)
    mirrored = from_sympy_stats(variable)
    assert isinstance(mirrored, Affine)
    theirs = variable.pspace.distribution.pdf(R(1, 2))
    assert abs(to_mpf(theirs) - to_mpf(mirrored.pdf(R(1, 2)))) < TOLERANCE
    assert differential_entropy(variable) == differential_entropy(gumbel(0, 2))


def test_sympy_stats_failures_are_avoided():
    # sympy 1.14: entropy(Cauchy) is nan, Beta with symbols and StudentT time out,
    # Uniform(a, b) with symbolic ends raises, and a direct Gumbel integral has I*pi.
    a, b = symbols("a b", positive=True)
    g = Symbol("g", positive=True)
    nu = Symbol("nu", positive=True)
    started = time.perf_counter()
    results = [
        differential_entropy(stats.Cauchy("C", 0, g)),
        differential_entropy(stats.Beta("B", a, b)),
        differential_entropy(stats.StudentT("T", nu)),
        differential_entropy(stats.Uniform("U", a, a + b)),
        differential_entropy(stats.Gumbel("G", b, a)),
    ]
    assert time.perf_counter() - started < 5
    for value in results:
        assert not value.has(sympy.nan, sympy.zoo, sympy.I, Integral, sympy.Float)
    assert results[0] == differential_entropy(cauchy(0, g))
    assert results[3] == log(b)
    assert results[4] == log(b) + EulerGamma + 1


def test_sympy_stats_linear_expression_is_affine():
    X = stats.Exponential("X", 2)
    assert differential_entropy(3 - 5 * X) == differential_entropy(exponential(2)) + log(5)
    with pytest.raises(TypeError):
        from_sympy_stats(X**2)


def test_sympy_stats_other_distribution_becomes_a_density():
    X = stats.Erlang("X", 2, 3)  # gamma(2, 1/3): not mapped, so integrated
    value = differential_entropy(X)
    assert_equal(value, differential_entropy(gamma_distribution(2, R(1, 3))))


def test_sympy_stats_multivariate_normal():
    X = stats.MultivariateNormal("X", [0, 0], [[1, R(1, 2)], [R(1, 2), 1]])
    assert gaussian_mutual_information(X, 0, 1) == log(2) - log(3) / 2
    assert differential_entropy(X) == differential_entropy(multivariate_normal([[1, R(1, 2)], [R(1, 2), 1]]))


# ---------------------------------------------------------------------------
# Family objects: parameters, assumptions, validation, printing
# ---------------------------------------------------------------------------


def test_string_parameters_get_domain_assumptions():
    X = normal("mu", "sigma")
    mu, sigma = X.args
    assert mu.is_real and mu.is_positive is None
    assert sigma.is_positive
    assert X.parameters == {"mu": mu, "sigma": sigma}
    assert X.support == sympy.Interval(-oo, oo)


def test_plain_symbols_are_kept_and_results_hold_on_the_domain():
    sigma = Symbol("sigma")
    X = normal(0, sigma)
    assert X.args[1] is sigma
    assert differential_entropy(X) == log(sigma) + log(2) / 2 + log(pi) / 2 + S.Half
    assert differential_entropy(X).subs(sigma, 1) == log(2) / 2 + log(pi) / 2 + S.Half


def test_canonical_form_of_numeric_parameters():
    assert differential_entropy(normal(0, 2)) == 3 * log(2) / 2 + log(pi) / 2 + S.Half
    assert differential_entropy(uniform_interval(0, R(9, 4))) == 2 * log(3) - 2 * log(2)
    assert differential_entropy(uniform_interval(0, 1)) == 0


@pytest.mark.parametrize(
    "build, message",
    [
        (lambda: normal(0, -1), "normal: sigma must be positive, got -1"),
        (lambda: normal(0, 0), "normal: sigma must be positive, got 0"),
        (lambda: exponential(Symbol("r", negative=True)), "exponential: rate must be positive, got r"),
        (lambda: uniform_interval(3, 1), "uniform_interval: need a < b, got a = 3, b = 1"),
        (lambda: triangular(0, 1, 2), "triangular: need a <= c <= b, got a = 0, b = 1, c = 2"),
        (lambda: normal(sympy.I, 1), "normal: mu must be real, got I"),
        (lambda: normal(0, oo), "normal: sigma must be finite, got oo"),
        (lambda: beta_distribution(1, -R(1, 2)), "beta_distribution: beta must be positive, got -1/2"),
    ],
)
def test_invalid_parameters_raise_naming_the_value(build, message):
    with pytest.raises(DistributionError) as info:
        build()
    assert str(info.value) == message


def test_floats_are_refused():
    with pytest.raises(InexactInputError):
        normal(0, 0.5)
    assert normal(0, "0.5") == normal(0, R(1, 2))


def test_subs_rebuilds_and_revalidates():
    sigma = Symbol("sigma")
    assert normal(0, sigma).subs(sigma, 3) == normal(0, 3)
    with pytest.raises(DistributionError):
        normal(0, sigma).subs(sigma, -3)
    assert normal(0, sigma).free_symbols == {sigma}


def test_printing():
    mu, sigma = symbols("mu sigma", positive=True)
    assert str(normal(mu, sigma)) == "normal(mu, sigma)"
    assert latex(normal(mu, sigma)) == r"\mathcal{N}(\mu, \sigma^{2})"
    assert latex(chi_squared(3)) == r"\chi^{2}_{3}"
    assert latex(student_t(Symbol("nu"))) == r"t_{\nu}"
    assert latex(exponential(Symbol("lambda"))) == r"\operatorname{Exp}(\lambda)"
    assert latex(uniform_interval(0, 1)) == r"\mathcal{U}(0, 1)"
    assert str(affine(normal(0, 1), 2, 1)) == "affine(normal(0, 1), 2, 1)"
    assert latex(affine(normal(0, 1), 2, 1)) == r"2 \mathcal{N}(0, 1) + 1"
    assert sympy.pretty(gumbel(0, 1), use_unicode=False) == "gumbel(0, 1)"
    assert str(multivariate_normal([[1, 0], [0, 2]])) == "multivariate_normal(Matrix([[1, 0], [0, 2]]))"
    assert str(multivariate_normal([[1]], mean=[3])) == "multivariate_normal(Matrix([[1]]), mean=[3])"


def test_every_family_prints_and_has_a_support():
    for constructor, _, points, _ in FAMILIES:
        distribution = constructor(*points[0])
        assert str(distribution).startswith(constructor.__name__ + "(")
        assert latex(distribution)
        assert isinstance(distribution.support, sympy.Interval)
        assert list(distribution.parameters.values()) == list(distribution.args)


def test_triangular_pdf_with_mode_at_an_end():
    assert triangular(0, 2, 2).pdf(x) == x / 2
    assert triangular(0, 2, 0).pdf(x) == 1 - x / 2


# ---------------------------------------------------------------------------
# Affine maps
# ---------------------------------------------------------------------------


@settings(max_examples=25)
@given(
    a=st.fractions(min_value=-20, max_value=20).filter(lambda v: v != 0),
    b=st.fractions(min_value=-5, max_value=5),
)
def test_affine_adds_log_abs_a(a, b):
    X = gamma_distribution(R(3, 2), 2)
    ra, rb = R(a.numerator, a.denominator), R(b.numerator, b.denominator)
    difference = differential_entropy(affine(X, ra, rb)) - differential_entropy(X)
    assert difference == differential_entropy(uniform_interval(0, Abs(ra)))


def test_affine_with_symbolic_scale():
    a = Symbol("a")
    assert differential_entropy(affine(normal(0, 1), a, 1)) - differential_entropy(normal(0, 1)) == log(
        Abs(a)
    )
    t = Symbol("t", negative=True)
    assert differential_entropy(affine(normal(0, 1), t, 1)) - differential_entropy(normal(0, 1)) == log(-t)


def test_affine_density_and_support():
    Y = exponential(2).affine(-3, 1)
    assert Y.support == sympy.Interval(-oo, 1)
    assert abs(to_mpf(differential_entropy(Y)) - quad_entropy(Y, [-oo, 0, 1])) < TOLERANCE
    assert affine(Y, 2, 5) == affine(exponential(2), -6, 7)


def test_affine_normal_matches_the_family():
    mu = Symbol("mu", real=True)
    s = Symbol("s", positive=True)
    assert_equal(differential_entropy(normal(0, 1).affine(s, mu)), differential_entropy(normal(mu, s)))


def test_affine_scale_zero_is_refused():
    with pytest.raises(DistributionError, match="must not be 0"):
        affine(normal(0, 1), 0, 1)


# ---------------------------------------------------------------------------
# Custom densities
# ---------------------------------------------------------------------------


def test_density_closed_form_by_integration():
    assert differential_entropy(density(2 * x, x, (0, 1))) == S.Half - log(2)
    assert differential_entropy(density(exp(-x), x, (0, oo))) == 1


def test_density_numeric_fallback_is_marked_and_accurate():
    # time_limit=0: sympy is not asked, the value comes from quadrature
    h = differential_entropy(density(6 * x * (1 - x), x, (0, 1)), time_limit=0, digits=25)
    assert isinstance(h, NumericEstimate)
    assert h.numeric is True
    assert not isinstance(h, float)
    exact = differential_entropy(beta_distribution(2, 2))
    assert abs(h.value - exact.evalf(30)) <= h.error
    assert h.error < 1e-24


def test_density_numeric_fallback_in_bits():
    h = differential_entropy(density(2 * x, x, (0, 1)), time_limit=0, base=2)
    assert isinstance(h, NumericEstimate)
    assert abs(h.value - (S.Half - log(2)).evalf(20) / log(2).evalf(20)) <= h.error


def test_density_with_a_kink_is_split():
    # Laplace(0, 1) written with Abs: the kink at 0 is found
    h = differential_entropy(density(exp(-Abs(x)) / 2, x), time_limit=0, digits=20)
    assert abs(h.value - (1 + log(2)).evalf(25)) <= h.error
    assert h.error < 1e-19


def test_density_hard_integral_respects_the_time_limit():
    # sympy's integrate spends about 30 s on this entropy integral before giving up
    t = student_t(R(5, 2))
    started = time.perf_counter()
    h = differential_entropy(density(t.pdf(x), x), time_limit=1)
    assert time.perf_counter() - started < 10
    assert isinstance(h, NumericEstimate)
    assert abs(h.value - differential_entropy(t).evalf(25)) <= h.error


def test_density_not_normalised_is_refused():
    with pytest.raises(DistributionError, match="integrates to"):
        differential_entropy(density(3 * x, x, (0, 1)), time_limit=0)
    with pytest.raises(DistributionError, match="negative"):
        differential_entropy(density(2 * x - R(1, 2), x, (-R(1, 2), 1)), time_limit=0)


def test_symbolic_density_closed_form_or_unevaluated_integral():
    lam = Symbol("lam", positive=True)
    h = differential_entropy(density(lam * exp(-lam * x), x, (0, oo)))
    assert_equal(h, 1 - log(lam))
    unknown = differential_entropy(density(lam * exp(-lam * x), x, (0, oo)), time_limit=0)
    assert isinstance(unknown, Integral)


def test_density_rejects_float_and_bad_support():
    with pytest.raises(InexactInputError):
        density(0.5 * x, x, (0, 2))
    with pytest.raises(DistributionError, match="no length"):
        density(x, x, (1, 1))


# ---------------------------------------------------------------------------
# Multivariate normal, Gaussian mutual information, conditional entropy
# ---------------------------------------------------------------------------


def test_multivariate_normal_diagonal_is_a_sum_of_normals():
    s, t, u = symbols("s t u", positive=True)
    X = multivariate_normal(sympy.diag(s**2, t**2, u**2))
    expected = sum(differential_entropy(normal(0, v)) for v in (s, t, u))
    assert differential_entropy(X) == expected


def test_chain_rule_for_a_bivariate_normal():
    s, t = symbols("s t", positive=True)
    rho = Symbol("rho")
    K = Matrix([[s**2, rho * s * t], [rho * s * t, t**2]])
    joint = differential_entropy(multivariate_normal(K))
    chain = differential_entropy(normal(0, s)) + conditional_differential_entropy(K, 1, 0)
    assert_equal(joint, chain)
    # h(Y|X) is the entropy of a normal with variance t**2*(1 - rho**2)
    assert_equal(
        conditional_differential_entropy(K, 1, 0),
        differential_entropy(normal(0, t * sqrt(1 - rho**2))),
    )


def test_mutual_information_identities():
    K = Matrix([[4, 2, 1], [2, 3, 1], [1, 1, 2]])
    X = multivariate_normal(K)
    h = lambda block: differential_entropy(X.marginal(block))  # noqa: E731
    mi = gaussian_mutual_information(K, [0], [1, 2])
    assert_equal(mi, h([0]) + h([1, 2]) - h([0, 1, 2]))
    assert_equal(conditional_differential_entropy(K, [0], [1, 2]), h([0]) - mi)
    assert gaussian_mutual_information(K, [0], [1, 2], base=2) == sympy.Add(
        *[term / log(2) for term in sympy.Add.make_args(mi)]
    )


def test_block_edge_cases():
    K = Matrix([[2, 1], [1, 2]])
    assert gaussian_mutual_information(K, 0, [0, 1]) == oo
    assert conditional_differential_entropy(K, 0, 0) == -oo
    assert gaussian_mutual_information(K, [], 1) == 0
    assert conditional_differential_entropy(K, 0, []) == differential_entropy(normal(0, sqrt(2)))
    with pytest.raises(UnknownVariableError, match="index 2"):
        gaussian_mutual_information(K, 0, 2)
    with pytest.raises(TypeError):
        gaussian_mutual_information(K, True, 1)


def test_multivariate_normal_validation():
    with pytest.raises(DistributionError, match="symmetric"):
        multivariate_normal([[1, 2], [0, 1]])
    with pytest.raises(DistributionError, match="singular"):
        multivariate_normal([[1, 1], [1, 1]])
    with pytest.raises(DistributionError, match="positive definite"):
        multivariate_normal([[1, 2], [2, 1]])
    with pytest.raises(DistributionError, match="column of length 2"):
        multivariate_normal([[1, 0], [0, 1]], mean=[1, 2, 3])


def test_parameter_checks_decide_numbers_exactly():
    tiny = TINY  # positive, below 1e-390: sympy's assumptions cannot tell its sign
    with pytest.raises(DistributionError, match="sigma must be positive"):
        normal(0, -tiny)
    assert normal(0, tiny).parameters["sigma"] == tiny
    with pytest.raises(DistributionError, match="need a < b"):
        uniform_interval(tiny, 0)
    with pytest.raises(DistributionError, match="need a <= c <= b"):
        triangular(0, 1, -tiny)
    # a mode at an end, written so that only an exact decision sees it
    assert not triangular(0, 2, log(6) - log(2) - log(3)).pdf(Symbol("x")).has(Piecewise)
    with pytest.raises(DistributionError, match="must not be 0"):
        affine(normal(0, 1), log(6) - log(2) - log(3))
    assert affine(uniform_interval(0, 1), -tiny).support == sympy.Interval(-tiny, 0)
    with pytest.raises(DistributionError, match="it is not"):
        multivariate_normal([[1, 1 + tiny], [1 + tiny, 1]])  # determinant -2*tiny - tiny**2 < 0
    assert multivariate_normal([[1, 1 - tiny], [1 - tiny, 1]]).dimension == 2
    with pytest.raises(DistributionError, match="symmetric"):
        multivariate_normal([[1, tiny], [0, 1]])


def test_multivariate_normal_pdf_and_affine():
    X = multivariate_normal([[2, 1], [1, 2]], mean=[1, 0])
    point = [R(1, 2), -1]
    quadratic = R(1, 2)  # (x - m)^T K^-1 (x - m) = (2/4 - 2*1/2 + 2)/3, by hand
    assert sympy.simplify(X.pdf(point) - exp(-quadratic / 2) / (2 * pi * sqrt(3))) == 0
    Y = X.affine(Matrix([[1, 1]]), [3])
    assert Y.covariance == Matrix([[6]]) and Y.mean == Matrix([[4]])
    assert isinstance(X.marginal(1), MultivariateNormal)


# ---------------------------------------------------------------------------
# Bases
# ---------------------------------------------------------------------------


def test_bases():
    h = differential_entropy(uniform_interval(0, 8), base=2)
    assert h == 3
    assert differential_entropy(uniform_interval(0, 100), base=10) == 2
    b = Symbol("b", positive=True)
    assert differential_entropy(exponential(1), base=b) == 1 / log(b)
    with pytest.raises(InvalidBaseError):
        differential_entropy(normal(0, 1), base=1)
    with pytest.raises(TypeError):
        differential_entropy(normal(0, 1), 2)  # base is keyword-only


# ---------------------------------------------------------------------------
# Cover & Thomas, Elements of Information Theory, 2nd ed. (Wiley, 2006)
# ---------------------------------------------------------------------------


def test_cover_thomas_example_8_1_1_uniform():
    a = Symbol("a", positive=True)
    # "h(X) = log a"
    assert_equal(differential_entropy(uniform_interval(0, a), base=2), log(a, 2))


def test_cover_thomas_example_8_1_2_normal():
    sigma = Symbol("sigma", positive=True)
    # "h(phi) = 1/2 log 2 pi e sigma^2 bits"
    assert_equal(differential_entropy(normal(0, sigma), base=2), log(2 * pi * E * sigma**2, 2) / 2)


def test_cover_thomas_problem_8_1():
    lam = Symbol("lambda", positive=True)
    # (a) f(x) = lambda e^(-lambda x), x >= 0: h = ln(e/lambda) nats
    assert_equal(differential_entropy(exponential(lam)), log(E / lam))
    # (b) f(x) = 1/2 lambda e^(-lambda |x|): h = ln(2e/lambda) nats
    assert_equal(differential_entropy(laplace(0, 1 / lam)), log(2 * E / lam))
    # (c) X1 + X2 for independent normals N(mu_i, sigma_i^2): h = 1/2 ln 2 pi e (sigma1^2 + sigma2^2)
    m1, m2 = symbols("mu1 mu2", real=True)
    s1, s2 = symbols("sigma1 sigma2", positive=True)
    pair = multivariate_normal(sympy.diag(s1**2, s2**2), mean=[m1, m2])
    total = pair.affine(Matrix([[1, 1]]))
    assert_equal(differential_entropy(total), log(2 * pi * E * (s1**2 + s2**2)) / 2)


def test_cover_thomas_theorem_8_4_1_multivariate_normal():
    a, b = symbols("a b", positive=True)
    c = Symbol("c", real=True)
    K = Matrix([[a, c], [c, b]])
    # "h(X1, ..., Xn) = 1/2 log (2 pi e)^n |K| bits"
    assert_equal(
        differential_entropy(multivariate_normal(K), base=2), log((2 * pi * E) ** 2 * K.det(), 2) / 2
    )
    K3 = Matrix([[3, 1, 0], [1, 2, 1], [0, 1, 4]])
    assert_equal(differential_entropy(multivariate_normal(K3)), log((2 * pi * E) ** 3 * K3.det()) / 2)


def test_cover_thomas_example_8_5_1_correlated_gaussians():
    sigma = Symbol("sigma", positive=True)
    rho = Symbol("rho")
    K = Matrix([[sigma**2, rho * sigma**2], [rho * sigma**2, sigma**2]])
    # "I(X; Y) = -1/2 log(1 - rho^2)"
    assert gaussian_mutual_information(K, 0, 1) == -log(1 - rho**2) / 2


def test_cover_thomas_section_8_6_scaling():
    # h(AX) = h(X) + log|det(A)|
    s, t = symbols("s t", positive=True)
    X = multivariate_normal(sympy.diag(s**2, t**2))
    A = Matrix([[2, 1], [1, -2]])  # det -5
    assert_equal(differential_entropy(X.affine(A)), log(5) + differential_entropy(X))


def test_cover_thomas_problem_8_9_gaussian_mutual_information():
    # X -> Y -> Z jointly Gaussian, corr(X, Y) = rho1, corr(Y, Z) = rho2:
    # I(X; Z) = -1/2 log(1 - rho1^2 rho2^2).
    rho1, rho2 = symbols("rho1 rho2")
    # Y = rho1 X + sqrt(1 - rho1^2) W1, Z = rho2 Y + sqrt(1 - rho2^2) W2 with X, W1, W2 iid N(0, 1)
    A = Matrix(
        [
            [1, 0, 0],
            [rho1, sqrt(1 - rho1**2), 0],
            [rho2 * rho1, rho2 * sqrt(1 - rho1**2), sqrt(1 - rho2**2)],
        ]
    )
    XYZ = multivariate_normal(sympy.eye(3)).affine(A)
    assert sympy.expand(XYZ.covariance[0, 1] - rho1) == 0 and sympy.expand(XYZ.covariance[1, 2] - rho2) == 0
    assert_equal(gaussian_mutual_information(XYZ, 0, 2), -log(1 - rho1**2 * rho2**2) / 2)


def test_cover_thomas_section_9_1_gaussian_channel_capacity():
    P, N = symbols("P N", positive=True)
    # Y = X + Z with X ~ N(0, P) and Z ~ N(0, N) independent: "C = 1/2 log(1 + P/N) bits per transmission"
    XZ = multivariate_normal(sympy.diag(P, N))
    XY = XZ.affine(Matrix([[1, 0], [1, 1]]))
    assert_equal(gaussian_mutual_information(XY, 0, 1, base=2), log(1 + P / N, 2) / 2)
