"""The module paths of symentropy 0.1 still import, warn, and give the same objects.

``OLD_PUBLIC_NAMES`` is the ``__all__`` of every module of the 0.1 release (the flat package);
each name must resolve through the old path to the object the 0.2 package holds.
"""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest
import sympy

import symentropy

OLD_PUBLIC_NAMES = {
    "binary_entropy": ("binary_entropy",),
    "capacity": ("capacity", "capacity_achieving_input", "certified_capacity", "CapacityInterval"),
    "channels": ("Channel", "binary_symmetric_channel", "binary_erasure_channel", "z_channel", "q_ary_symmetric_channel", "erasure_error_channel", "noisy_typewriter", "additive_noise_channel", "cascade", "channel_product", "channel_sum", "InputPmf"),
    "cli": ("main", "read_table"),
    "continuous": ("ContinuousDistribution", "ContinuousFamily", "Affine", "Density", "MultivariateNormal", "uniform_interval", "normal", "exponential", "laplace", "gamma_distribution", "beta_distribution", "cauchy", "logistic", "rayleigh", "chi", "chi_squared", "student_t", "weibull", "pareto", "log_normal", "maxwell_boltzmann", "gumbel", "generalized_normal", "half_normal", "kumaraswamy", "triangular", "multivariate_normal", "density", "affine", "from_sympy_stats"),
    "derivation": ("derive", "Derivation", "Step"),
    "differential": ("differential_entropy", "conditional_differential_entropy", "gaussian_mutual_information", "continuous_kl_divergence", "NumericEstimate"),
    "distribution": ("Distribution", "uniform", "independent", "Outcome"),
    "divergences": ("kl_divergence", "cross_entropy", "jensen_shannon_divergence", "renyi_divergence", "total_variation_distance", "hellinger_distance"),
    "empirical": ("from_samples", "from_counts"),
    "exact": ("as_exact", "safe_sympify", "Exact"),
    "expressions": ("DistributionAtom", "InformationMeasure", "Entropy", "ConditionalEntropy", "MutualInformation", "KLDivergence"),
    "families": ("bernoulli", "binomial", "categorical", "discrete_uniform", "geometric", "poisson", "negative_binomial", "FormulaDistribution"),
    "generalized": ("renyi_entropy", "tsallis_entropy", "variation_of_information", "normalized_mutual_information", "NMI_VARIANTS"),
    "latex": ("to_latex", "to_text", "unit_name", "format_decimal", "TextbookLatexPrinter"),
    "logbase": ("as_base", "log_of_base", "Base"),
    "logsum": ("LogSum", "factor_integer", "tidy"),
    "measures": ("entropy", "joint_entropy", "conditional_entropy", "mutual_information", "Names"),
    "multivariate": ("co_information", "interaction_information", "total_correlation", "dual_total_correlation", "information_atoms"),
    "notation": ("info", "parse_notation", "Notation", "Entropy", "Information", "Divergence", "Event"),
    "numeric": ("evaluate", "compare", "is_zero"),
    "optimize": ("maximize", "minimize", "max_entropy", "OptimizationResult", "MaxEntropyResult", "Certificate"),
    "parsing": ("parse_expression",),
    "plotting": ("plot_binary_entropy", "plot_expression", "plot_information_diagram"),
    "stats_interop": ("from_stats", "entropy_of_other", "is_random_expression"),
    "sweep": ("numpy_function", "tabulate"),
}

#: 0.1 names that were renamed or retired, and what replaced them.
RENAMED = {
    ("notation", "Entropy"): "EntropyTerm",
    ("notation", "Information"): "InformationTerm",
    ("notation", "Divergence"): "DivergenceTerm",
}
RETIRED = {
    ("stats_interop", "entropy_of_other"),  # entropy() converts sympy.stats variables itself
}


def fresh(name: str):
    sys.modules.pop(f"symentropy.{name}", None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = importlib.import_module(f"symentropy.{name}")
    return module, caught


@pytest.mark.parametrize("old", sorted(OLD_PUBLIC_NAMES))
def test_an_old_path_imports_with_a_warning_and_its_names_resolve(old):
    module, caught = fresh(old)
    if old != "measures":  # symentropy.measures is a package of 0.2 again, with the same names
        assert [w.category for w in caught] == [DeprecationWarning], old
        assert f"symentropy.{old} is now symentropy." in str(caught[0].message)
    for name in OLD_PUBLIC_NAMES[old]:
        if (old, name) in RETIRED:
            with pytest.raises(AttributeError):
                getattr(module, name)
            continue
        value = getattr(module, name)
        new_name = RENAMED.get((old, name), name)
        if hasattr(symentropy, new_name):
            assert value is getattr(symentropy, new_name), (old, name)


def test_old_paths_from_the_docs_of_0_1():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from symentropy.empirical import from_samples
        from symentropy.logsum import LogSum
        from symentropy.numeric import evaluate

    assert from_samples("aab") == symentropy.Distribution.from_samples("aab")
    assert str(evaluate(LogSum.entropy_of([symentropy.uniform(3).probabilities[0]] * 3).to_expr(2), 5)) == "1.5850"


def test_the_package_functions_survive_an_import_of_the_module_of_the_same_name():
    # 0.1 had both a function symentropy.capacity and a module symentropy/capacity.py.
    fresh("capacity")
    fresh("binary_entropy")
    bsc = symentropy.binary_symmetric_channel("1/2")
    assert symentropy.capacity(bsc) == 0
    assert symentropy.binary_entropy("1/2") == 1
    assert isinstance(symentropy.binary_entropy(sympy.Symbol("p")), symentropy.binary_entropy)


def test_an_unknown_name_of_an_old_path_is_an_attribute_error():
    module, _ = fresh("numeric")
    with pytest.raises(AttributeError, match="symentropy.kernel.numeric"):
        module.no_such_name  # noqa: B018  (the attribute read is the test)
