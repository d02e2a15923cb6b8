"""Layer 3, models: distributions that are not finite tables, and channels.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``series``             infinite sums: evaluation and proved tail bounds
``families``           Bernoulli, binomial, geometric, Poisson, ...:
                       :class:`FormulaDistribution`
``continuous``         the catalogue of continuous families
``channel``            :class:`Channel` and the standard channels
``markov``             :class:`MarkovChain`, random walks on graphs
``codes``              Huffman, Shannon and Shannon-Fano-Elias codes, Kraft
``stats``              the one ``sympy.stats`` entry point, :func:`from_stats`
=====================  ===========================================================

The public names of these modules are re-exported here (each imported on first
use, by the table ``EXPORTS``); the names users need most are also in
:mod:`symentropy` itself.
"""

from __future__ import annotations

from ..kernel.lazy import export

#: Each public name, by the module that defines it: imported on first use (see kernel/lazy.py).
EXPORTS: dict[str, tuple[str, ...]] = {
    ".channel": (
        "Channel",
        "InputPmf",
        "additive_noise_channel",
        "binary_erasure_channel",
        "binary_symmetric_channel",
        "cascade",
        "channel_product",
        "channel_sum",
        "erasure_error_channel",
        "noisy_typewriter",
        "q_ary_symmetric_channel",
        "z_channel",
    ),
    ".codes": (
        "Code",
        "fano_code",
        "huffman_code",
        "kraft_lengths_exist",
        "kraft_sum",
        "shannon_code",
        "shannon_fano_elias_code",
    ),
    ".continuous": (
        "Affine",
        "ContinuousDistribution",
        "ContinuousFamily",
        "Density",
        "MultivariateNormal",
        "affine",
        "beta_distribution",
        "beta_value",
        "cauchy",
        "chi",
        "chi_squared",
        "density",
        "exponential",
        "gamma_distribution",
        "generalized_normal",
        "gumbel",
        "half_normal",
        "kumaraswamy",
        "laplace",
        "log_normal",
        "logistic",
        "maxwell_boltzmann",
        "multivariate_normal",
        "normal",
        "pareto",
        "positive_form",
        "rayleigh",
        "student_t",
        "triangular",
        "uniform_interval",
        "weibull",
    ),
    ".families": (
        "FormulaDistribution",
        "bernoulli",
        "binomial",
        "categorical",
        "discrete_uniform",
        "geometric",
        "negative_binomial",
        "poisson",
    ),
    ".markov": ("FunctionOfChain", "MarkovChain", "chessboard_graph", "random_walk"),
    ".series": ("EntropySeries", "InfiniteSum", "MAX_TERMS", "SERIES_WINDOW", "sum_to_infinity"),
    ".stats": ("from_stats", "from_sympy_stats", "is_random_expression"),
}

__all__ = [
    "InfiniteSum",
    "sum_to_infinity",
    "EntropySeries",
    "MAX_TERMS",
    "SERIES_WINDOW",
    "bernoulli",
    "binomial",
    "categorical",
    "discrete_uniform",
    "geometric",
    "poisson",
    "negative_binomial",
    "FormulaDistribution",
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
    "Channel",
    "Code",
    "huffman_code",
    "kraft_lengths_exist",
    "kraft_sum",
    "shannon_code",
    "shannon_fano_elias_code",
    "fano_code",
    "MarkovChain",
    "FunctionOfChain",
    "random_walk",
    "chessboard_graph",
    "binary_symmetric_channel",
    "binary_erasure_channel",
    "z_channel",
    "q_ary_symmetric_channel",
    "erasure_error_channel",
    "noisy_typewriter",
    "additive_noise_channel",
    "cascade",
    "channel_product",
    "channel_sum",
    "InputPmf",
    "from_stats",
    "from_sympy_stats",
    "is_random_expression",
]

__getattr__, __dir__ = export(__name__, EXPORTS)
