"""symentropy: exact information theory with sympy.

Entropies, conditional entropies and mutual informations of joint
distributions whose probabilities are exact rationals or symbols, returned as
exact sympy expressions.

>>> from symentropy import Distribution, entropy, mutual_information
>>> d = Distribution.from_dict({(0, 0): "1/2", (1, 1): "1/4", (1, 0): "1/4"}, names=("X", "Y"))
>>> entropy(d), mutual_information(d, "X", "Y")
(3/2, -3*log(3)/(4*log(2)) + 3/2)

Where to look (``help(symentropy.entropy)`` and so on for each name):

=========================  ==============================================================
distributions              Distribution, uniform, independent, bernoulli, binomial, ...
Shannon measures           entropy, conditional_entropy, mutual_information, info("I(X;Y|Z)")
more measures              co_information, total_correlation, kl_divergence, renyi_entropy, ...
channels                   Channel, binary_symmetric_channel, capacity
continuous                 normal, ..., differential_entropy, gaussian_mutual_information
numbers                    evaluate (correct digits), compare, is_zero
calculus                   maximize, minimize, max_entropy, numpy_function
inequalities               prove("I(X;Z) <= I(X;Y)", given=["X -> Y -> Z"])
presentation               Entropy(d, "X"), to_latex, derive, init_printing
=========================  ==============================================================

The classes built on sympy's ``Expr`` (``Entropy``, ``binary_entropy``,
``xlogx``, ...) are sympy expressions: every sympy method applies to them
(``help(sympy.Expr)``), and their help below lists what symentropy adds.  The
guides are in ``docs/`` of the source tree.
"""

from . import legacy
from .calculus.inequalities import ProofResult, Verdict, prove
from .calculus.optimize import (
    Certificate,
    MaxEntropyResult,
    OptimizationResult,
    max_entropy,
    maximize,
    minimize,
)
from .calculus.sweep import numpy_function, tabulate
from .core.distribution import Distribution, independent, uniform
from .display.derivation import Derivation, derive
from .display.expressions import ConditionalEntropy, Entropy, KLDivergence, MutualInformation
from .display.latex import init_printing, to_latex
from .errors import (
    DistributionError,
    InexactInputError,
    InputTooLargeError,
    InvalidBaseError,
    InvalidDigitsError,
    OptimizationError,
    ParseError,
    SymentropyError,
    UndecidedError,
    UnknownVariableError,
    ZeroProbabilityError,
)
from .kernel.binary_entropy import binary_entropy
from .kernel.notation import parse_notation
from .kernel.numeric import compare, evaluate, is_zero
from .kernel.xlogx import xlogx
from .measures.capacity import CapacityInterval, capacity, capacity_achieving_input, certified_capacity
from .measures.common import (
    common_part,
    gacs_korner_common_information,
)
from .measures.differential import (
    NumericEstimate,
    conditional_differential_entropy,
    continuous_kl_divergence,
    differential_entropy,
    gaussian_mutual_information,
)
from .measures.divergences import (
    cross_entropy,
    hellinger_distance,
    jensen_shannon_divergence,
    kl_divergence,
    lautum_information,
    renyi_divergence,
    total_variation_distance,
)
from .measures.fano import (
    FanoBound,
    doubling_rate,
    doubling_rate_with_side_information,
    fano_bound,
)
from .measures.gaussian import (
    ReverseWaterFilling,
    WaterFilling,
    awgn_capacity,
    bandlimited_capacity,
    reverse_water_filling,
    water_filling,
)
from .measures.generalized import (
    extropy,
    normalized_mutual_information,
    perplexity,
    renyi_entropy,
    tsallis_entropy,
    variation_of_information,
)
from .measures.info import info
from .measures.multivariate import (
    caekl_mutual_information,
    co_information,
    dual_total_correlation,
    information_atoms,
    interaction_information,
    o_information,
    residual_entropy,
    s_information,
    total_correlation,
)
from .measures.pid import (
    PIDResult,
    pid,
    redundancy_lattice,
    specific_information,
)
from .measures.rate_distortion import (
    distortion_max,
    distortion_min,
    rate_distortion,
    rate_distortion_curve,
)
from .measures.residual import (
    cumulative_residual_entropy,
)
from .measures.shannon import conditional_entropy, entropy, joint_entropy, mutual_information
from .measures.types import (
    SanovExponent,
    chernoff_information,
    number_of_types,
    sanov_exponent,
    type_class_probability,
    type_class_size,
    type_of,
)
from .measures.typical import (
    HighProbabilitySet,
    TypicalSet,
    essential_bit_content,
    smallest_high_probability_set,
    typical_set,
)
from .models.channel import (
    Channel,
    additive_noise_channel,
    binary_erasure_channel,
    binary_symmetric_channel,
    cascade,
    channel_product,
    channel_sum,
    erasure_error_channel,
    noisy_typewriter,
    q_ary_symmetric_channel,
    z_channel,
)
from .models.codes import (
    Code,
    huffman_code,
    kraft_lengths_exist,
    kraft_sum,
    shannon_code,
    shannon_fano_elias_code,
    fano_code,
)
from .models.continuous import (
    ContinuousDistribution,
    affine,
    beta_distribution,
    cauchy,
    chi,
    chi_squared,
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
from .models.families import (
    FormulaDistribution,
    bernoulli,
    binomial,
    categorical,
    discrete_uniform,
    geometric,
    negative_binomial,
    poisson,
)
from .models.markov import (
    FunctionOfChain,
    MarkovChain,
    random_walk,
    chessboard_graph,
)
from .models.stats import from_stats, from_sympy_stats
from .version import __version__ as __version__

legacy.install()

__all__ = [
    "Distribution",
    "uniform",
    "independent",
    "entropy",
    "joint_entropy",
    "conditional_entropy",
    "mutual_information",
    "co_information",
    "interaction_information",
    "total_correlation",
    "dual_total_correlation",
    "o_information",
    "s_information",
    "residual_entropy",
    "caekl_mutual_information",
    "gacs_korner_common_information",
    "common_part",
    "pid",
    "cumulative_residual_entropy",
    "ReverseWaterFilling",
    "WaterFilling",
    "awgn_capacity",
    "bandlimited_capacity",
    "reverse_water_filling",
    "water_filling",
    "distortion_max",
    "rate_distortion",
    "rate_distortion_curve",
    "distortion_min",
    "chernoff_information",
    "SanovExponent",
    "number_of_types",
    "sanov_exponent",
    "type_class_probability",
    "type_class_size",
    "type_of",
    "HighProbabilitySet",
    "TypicalSet",
    "essential_bit_content",
    "smallest_high_probability_set",
    "typical_set",
    "FanoBound",
    "doubling_rate",
    "doubling_rate_with_side_information",
    "fano_bound",
    "PIDResult",
    "redundancy_lattice",
    "specific_information",
    "extropy",
    "perplexity",
    "lautum_information",
    "information_atoms",
    "kl_divergence",
    "cross_entropy",
    "jensen_shannon_divergence",
    "renyi_divergence",
    "total_variation_distance",
    "hellinger_distance",
    "renyi_entropy",
    "tsallis_entropy",
    "variation_of_information",
    "normalized_mutual_information",
    "maximize",
    "prove",
    "ProofResult",
    "Verdict",
    "minimize",
    "max_entropy",
    "OptimizationResult",
    "MaxEntropyResult",
    "Certificate",
    "info",
    "evaluate",
    "compare",
    "is_zero",
    "numpy_function",
    "tabulate",
    "binary_entropy",
    "xlogx",
    "bernoulli",
    "binomial",
    "categorical",
    "discrete_uniform",
    "geometric",
    "poisson",
    "negative_binomial",
    "FormulaDistribution",
    "from_stats",
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
    "capacity",
    "capacity_achieving_input",
    "certified_capacity",
    "CapacityInterval",
    "Entropy",
    "ConditionalEntropy",
    "MutualInformation",
    "KLDivergence",
    "to_latex",
    "init_printing",
    "derive",
    "Derivation",
    "ContinuousDistribution",
    "affine",
    "beta_distribution",
    "cauchy",
    "chi",
    "chi_squared",
    "exponential",
    "from_sympy_stats",
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
    "rayleigh",
    "student_t",
    "triangular",
    "uniform_interval",
    "weibull",
    "NumericEstimate",
    "conditional_differential_entropy",
    "continuous_kl_divergence",
    "differential_entropy",
    "gaussian_mutual_information",
    "parse_notation",
    "SymentropyError",
    "DistributionError",
    "InexactInputError",
    "InputTooLargeError",
    "InvalidBaseError",
    "InvalidDigitsError",
    "OptimizationError",
    "ParseError",
    "UndecidedError",
    "UnknownVariableError",
    "ZeroProbabilityError",
]

