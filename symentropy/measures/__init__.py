"""Layer 4, measures: every information measure.

=====================  ===========================================================
module                 holds
=====================  ===========================================================
``shannon``            entropy, conditional entropy, mutual information
``multivariate``       co-information, total correlation, information atoms,
                       O- and S-information, residual entropy, CAEKL
``pid``                partial information decomposition (I_min, MMI, BROJA with
                       ``broja``, I_ccs with ``ccs``)
``common``             Gács-Körner, MSS and Wyner common information, the
                       common part
``typical``            typical sets and the essential bit content, over types
``fano``               Fano's bound; doubling rates of horse races
``gaussian``           AWGN and band-limited capacity, water-filling, reverse
                       water-filling
``rate_distortion``    R(D) in closed form or certified (with
                       ``rate_distortion_numeric``), D_min, D_max, the curve
``certified``          certified enclosures: the shared interval type
``types``              the method of types; Sanov's exponent by tilting;
                       Chernoff information
``residual``           the cumulative residual entropy of continuous families
``generalized``        Renyi and Tsallis entropies, normalised informations,
                       extropy, perplexity
``differential``       differential entropy, Gaussian information, continuous KL
``divergences``        KL, cross entropy, Jensen-Shannon, Renyi, TV, Hellinger,
                       lautum information
``capacity``           channel capacity, exact or certified (with
                       ``capacity_exact`` and ``capacity_numeric``)
``info``               textbook notation evaluated: ``info(d, "I(X;Y|Z)")``
=====================  ===========================================================

The public names of these modules are re-exported here (each imported on first
use, by the table ``EXPORTS``); the names users need most are also in
:mod:`symentropy` itself.
"""

from __future__ import annotations

from ..kernel.lazy import export

#: Each public name, by the module that defines it: imported on first use (see kernel/lazy.py).
EXPORTS: dict[str, tuple[str, ...]] = {
    "..core.names": ("Names",),
    ".broja": ("BrojaBound", "BrojaSolver"),
    ".ccs": ("ccs_redundancy", "pairwise_maxent"),
    ".capacity": ("CapacityInterval", "capacity", "capacity_achieving_input", "certified_capacity"),
    ".capacity_exact": ("ExactCapacity", "exact_capacity"),
    ".capacity_numeric": (
        "CapacitySolver",
        "Solution",
        "decimals_for",
        "entry_key",
        "is_zero_entry",
        "numeric_solution",
    ),
    ".certified": ("CertifiedInterval", "decimal_ends", "enclosure", "log_of_base", "nats_tolerance"),
    ".common": (
        "common_part",
        "gacs_korner_common_information",
        "mss_common_information",
        "wyner_common_information",
    ),
    ".differential": (
        "NumericEstimate",
        "conditional_differential_entropy",
        "continuous_kl_divergence",
        "differential_entropy",
        "gaussian_mutual_information",
    ),
    ".divergences": (
        "cross_entropy",
        "hellinger_distance",
        "jensen_shannon_divergence",
        "kl_divergence",
        "lautum_information",
        "renyi_divergence",
        "total_variation_distance",
    ),
    ".fano": ("FanoBound", "doubling_rate", "doubling_rate_with_side_information", "fano_bound"),
    ".gaussian": (
        "ReverseWaterFilling",
        "WaterFilling",
        "awgn_capacity",
        "bandlimited_capacity",
        "reverse_water_filling",
        "water_filling",
    ),
    ".generalized": (
        "NMI_VARIANTS",
        "as_order",
        "extropy",
        "normalized_mutual_information",
        "perplexity",
        "renyi_entropy",
        "tsallis_entropy",
        "variation_of_information",
    ),
    ".info": ("info",),
    ".multivariate": (
        "caekl_mutual_information",
        "co_information",
        "co_information_logsum",
        "dual_total_correlation",
        "information_atoms",
        "interaction_information",
        "o_information",
        "residual_entropy",
        "s_information",
        "total_correlation",
    ),
    ".pid": ("PIDResult", "antichain_leq", "pid", "redundancy_lattice", "specific_information"),
    ".rate_distortion": (
        "RateDistortionCurve",
        "RateDistortionInterval",
        "distortion_max",
        "distortion_min",
        "rate_distortion",
        "rate_distortion_curve",
    ),
    ".rate_distortion_numeric": ("Bound", "RateDistortionSolver"),
    ".residual": ("cumulative_residual_entropy", "generalized_cumulative_residual_entropy"),
    ".shannon": (
        "as_distribution",
        "conditional_entropy",
        "conditional_entropy_logsum",
        "entropy",
        "joint_entropy",
        "marginal_entropy",
        "mutual_information",
        "mutual_information_logsum",
    ),
    ".types": (
        "ChernoffInformation",
        "SanovExponent",
        "chernoff_information",
        "number_of_types",
        "sanov_exponent",
        "type_class_probability",
        "type_class_size",
        "type_of",
    ),
    ".typical": (
        "HighProbabilitySet",
        "TypicalSet",
        "essential_bit_content",
        "smallest_high_probability_set",
        "typical_set",
    ),
}

__all__ = [
    "Names",
    "entropy",
    "joint_entropy",
    "conditional_entropy",
    "mutual_information",
    "marginal_entropy",
    "conditional_entropy_logsum",
    "mutual_information_logsum",
    "as_distribution",
    "co_information",
    "interaction_information",
    "total_correlation",
    "dual_total_correlation",
    "o_information",
    "s_information",
    "residual_entropy",
    "caekl_mutual_information",
    "gacs_korner_common_information",
    "mss_common_information",
    "wyner_common_information",
    "common_part",
    "pid",
    "cumulative_residual_entropy",
    "generalized_cumulative_residual_entropy",
    "ReverseWaterFilling",
    "WaterFilling",
    "awgn_capacity",
    "bandlimited_capacity",
    "reverse_water_filling",
    "water_filling",
    "distortion_max",
    "rate_distortion",
    "rate_distortion_curve",
    "RateDistortionCurve",
    "RateDistortionInterval",
    "distortion_min",
    "RateDistortionSolver",
    "BrojaSolver",
    "BrojaBound",
    "pairwise_maxent",
    "ccs_redundancy",
    "Bound",
    "chernoff_information",
    "ChernoffInformation",
    "CertifiedInterval",
    "decimal_ends",
    "nats_tolerance",
    "log_of_base",
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
    "antichain_leq",
    "specific_information",
    "extropy",
    "perplexity",
    "lautum_information",
    "information_atoms",
    "co_information_logsum",
    "renyi_entropy",
    "tsallis_entropy",
    "variation_of_information",
    "normalized_mutual_information",
    "NMI_VARIANTS",
    "as_order",
    "differential_entropy",
    "conditional_differential_entropy",
    "gaussian_mutual_information",
    "continuous_kl_divergence",
    "NumericEstimate",
    "kl_divergence",
    "cross_entropy",
    "jensen_shannon_divergence",
    "renyi_divergence",
    "total_variation_distance",
    "hellinger_distance",
    "CapacitySolver",
    "Solution",
    "numeric_solution",
    "enclosure",
    "is_zero_entry",
    "entry_key",
    "decimals_for",
    "ExactCapacity",
    "exact_capacity",
    "capacity",
    "capacity_achieving_input",
    "certified_capacity",
    "CapacityInterval",
    "info",
]

__getattr__, __dir__ = export(__name__, EXPORTS)
